package io.techbridge.gateway.routing;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key (an account, an address): each holds up to {@code capacity}
 * tokens and refills evenly, {@code capacity} per window. A request spends one token; an empty
 * bucket tells when the next token arrives. With {@code shares} gateway instances, each holds and
 * refills its share of that ({@link GatewayInstances}). Used only while the shared buckets in the
 * database cannot be reached ({@link RateLimiter}).
 */
final class TokenBuckets {

    private final double capacity;
    private final double tokensPerNano;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int maxKeys;

    TokenBuckets(int capacity, Duration window, int maxKeys) {
        this.capacity = capacity;
        this.tokensPerNano = capacity / (double) window.toNanos();
        this.maxKeys = maxKeys;
    }

    /** 0 when the request may go on, else the whole seconds until it may be retried (at least 1). */
    long tryTake(String key, long nowNanos, int shares) {
        int parts = Math.max(1, shares);
        if (buckets.size() > maxKeys) {
            evictFull(nowNanos, parts);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity / parts, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos, parts);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - bucket.tokens) / (tokensPerNano / parts);
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }
    }

    /** Full buckets carry no information: dropping them keeps the map small under many distinct keys. */
    private void evictFull(long nowNanos, int parts) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(nowNanos, parts);
                return e.getValue().tokens >= capacity / parts;
            }
        });
    }

    private final class Bucket {
        double tokens;
        long updated;

        Bucket(double tokens, long updated) {
            this.tokens = tokens;
            this.updated = updated;
        }

        void refill(long nowNanos, int parts) {
            long elapsed = Math.max(0, nowNanos - updated);
            tokens = Math.min(capacity / parts, tokens + elapsed * tokensPerNano / parts);
            updated = nowNanos;
        }
    }
}
