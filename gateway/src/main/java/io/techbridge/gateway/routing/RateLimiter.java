package io.techbridge.gateway.routing;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.gateway.config.GatewayConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The rate limits of a request: per client address, per account (the token's {@code sub}) and, for
 * a login, logins per address. The buckets are the database's ({@link SharedTokenBuckets}), so N
 * gateway instances together allow exactly the configured limit whichever instance a request reaches.
 * When the database cannot be reached the limits are held in memory instead, each instance with its
 * share of every limit ({@link GatewayInstances}): the platform keeps answering, and a client still
 * gets about one limit in all. The outage is logged once and counted; after it the database is tried
 * again every {@code rate-limit.store-retry}. Blocks: never call it on the event loop.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final int MAX_KEYS = 100_000;
    private static final int FORGET_BATCH = 1000;

    private final SharedTokenBuckets shared;
    private final GatewayInstances instances;
    private final GatewayConfig.RateLimits limits;
    private final long retryNanos;
    private final Bucket perAccount;
    private final Bucket perAddress;
    private final Bucket logins;
    private final Counter outages;
    private final Counter inMemory;
    private final WorkerLoop forgetter;
    /** Whether the database failed the last check, and then when to try it again (System.nanoTime). */
    private final AtomicBoolean out = new AtomicBoolean();
    private volatile long retryAt;

    public RateLimiter(AgroalDataSource dataSource, GatewayInstances instances, GatewayConfig config, MeterRegistry registry) {
        this.limits = config.rateLimit();
        this.instances = instances;
        this.shared = new SharedTokenBuckets(dataSource, limits.window());
        this.retryNanos = limits.storeRetry().toNanos();
        this.perAccount = new Bucket("account:", limits.perAccount(),
                new TokenBuckets(limits.perAccount(), limits.window(), MAX_KEYS));
        this.perAddress = new Bucket("address:", limits.perAddress(),
                new TokenBuckets(limits.perAddress(), limits.window(), MAX_KEYS));
        this.logins = new Bucket("login:", limits.login(), new TokenBuckets(limits.login(), limits.window(), MAX_KEYS));
        this.outages = Counter.builder("techbridge.gateway.rate.limit.outages")
                .description("Times the shared rate-limit buckets could not be reached and each instance held its share in memory")
                .register(registry);
        this.inMemory = Counter.builder("techbridge.gateway.rate.limit.in.memory")
                .description("Requests whose rate limits were checked in memory because the database could not be reached")
                .register(registry);
        // Rows of buckets idle for a window are full again: removing them keeps the table to the active keys.
        Duration window = limits.window();
        this.forgetter = new WorkerLoop("gateway-rate-limit-buckets",
                window.compareTo(Duration.ofMinutes(1)) < 0 ? window : Duration.ofMinutes(1), this::forgetIdle, LOG);
    }

    void start(@Observes StartupEvent event) {
        if (limits.enabled()) {
            forgetter.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        forgetter.stop();
    }

    /**
     * Spends a token of each of the request's buckets, address first, stopping at the first empty one:
     * 0 when the request may go on, else the whole seconds until it may be retried.
     */
    public long take(String address, String subject, boolean login) {
        if (!out.get() || System.nanoTime() - retryAt >= 0) {
            try {
                long wait = this.<SQLException>spend(address, subject, login,
                        (bucket, key) -> shared.tryTake(bucket.prefix + key, bucket.limit));
                if (out.compareAndSet(true, false)) {
                    LOG.info("the shared rate-limit buckets can be reached again: the limits hold across all instances");
                }
                return wait;
            } catch (SQLException | RuntimeException e) {
                retryAt = System.nanoTime() + retryNanos;
                if (out.compareAndSet(false, true)) {
                    outages.increment();
                    LOG.warnf("the shared rate-limit buckets cannot be reached (%s); each instance holds its share of the"
                            + " limits in memory until they can", e.getMessage());
                }
            }
        }
        inMemory.increment();
        long now = System.nanoTime();
        int shares = instances.count();
        return this.<RuntimeException>spend(address, subject, login,
                (bucket, key) -> bucket.memory.tryTake(key, now, shares));
    }

    /** One limited resource: its key prefix in the shared store, its limit, its buckets in memory. */
    private record Bucket(String prefix, int limit, TokenBuckets memory) {
    }

    /** Where the buckets are: the database's (may fail) or this instance's memory. */
    @FunctionalInterface
    private interface Store<E extends Exception> {
        /** 0 when a token was taken, else the whole seconds until the next one. */
        long take(Bucket bucket, String key) throws E;
    }

    /** The one order of the checks, for both stores: address, then account, then login, stopping at the first empty bucket. */
    private <E extends Exception> long spend(String address, String subject, boolean login, Store<E> store) throws E {
        long wait = store.take(perAddress, address);
        if (wait == 0 && subject != null) {
            wait = store.take(perAccount, subject);
        }
        if (wait == 0 && login) {
            wait = store.take(logins, address);
        }
        return wait;
    }

    private WorkerLoop.Outcome forgetIdle() {
        try {
            return shared.forgetIdle(FORGET_BATCH) == FORGET_BATCH ? WorkerLoop.Outcome.MORE : WorkerLoop.Outcome.IDLE;
        } catch (SQLException e) {
            // The check falls back and says so; the rows wait for the next round.
            LOG.debugf("cannot delete idle rate-limit buckets: %s", e.getMessage());
            return WorkerLoop.Outcome.FAILED;
        }
    }
}
