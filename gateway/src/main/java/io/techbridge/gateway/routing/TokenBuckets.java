package io.techbridge.gateway.routing;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * In-memory token buckets, one per key (an account, an address): each holds up to {@code capacity}
 * tokens and refills evenly, {@code capacity} per window. A request spends one token; an empty
 * bucket tells when the next token arrives.
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
    long tryTake(String key, long nowNanos) {
        if (buckets.size() > maxKeys) {
            evictFull(nowNanos);
        }
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(capacity, nowNanos));
        synchronized (bucket) {
            bucket.refill(nowNanos);
            if (bucket.tokens >= 1) {
                bucket.tokens -= 1;
                return 0;
            }
            double missingNanos = (1 - bucket.tokens) / tokensPerNano;
            return Math.max(1, (long) Math.ceil(missingNanos / 1e9));
        }
    }

    /** Full buckets carry no information: dropping them keeps the map small under many distinct keys. */
    private void evictFull(long nowNanos) {
        buckets.entrySet().removeIf(e -> {
            synchronized (e.getValue()) {
                e.getValue().refill(nowNanos);
                return e.getValue().tokens >= capacity;
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

        void refill(long nowNanos) {
            long elapsed = Math.max(0, nowNanos - updated);
            tokens = Math.min(capacity, tokens + elapsed * tokensPerNano);
            updated = nowNanos;
        }
    }
}
