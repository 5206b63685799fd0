package io.techbridge.commons.idempotency;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Deletes the keys past their retention, every {@code techbridge.idempotency.purge-interval}, in
 * transactions of at most {@code purge-batch-size} rows. An expired key is ignored from the moment
 * it expires whether or not it was deleted yet, so the purge only keeps the table small.
 */
@ApplicationScoped
public class IdempotencyPurge {

    private static final Logger LOG = Logger.getLogger(IdempotencyPurge.class);

    private final IdempotencyStore store;
    private final IdempotencyConfig config;

    public IdempotencyPurge(IdempotencyStore store, IdempotencyConfig config) {
        this.store = store;
        this.config = config;
    }

    /** A retention under 24 hours would break what the API promises: the service does not start with one. */
    void checkRetention(@Observes StartupEvent event) {
        if (config.retention().compareTo(IdempotencyConfig.MINIMUM_RETENTION) < 0) {
            throw new IllegalStateException("techbridge.idempotency.retention is " + config.retention()
                    + "; idempotency keys must be kept at least " + IdempotencyConfig.MINIMUM_RETENTION);
        }
    }

    @Scheduled(every = "${techbridge.idempotency.purge-interval:1h}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long deleted = purgeExpired(Instant.now());
        if (deleted > 0) {
            LOG.infof("deleted %d expired idempotency keys", deleted);
        }
    }

    /** Deletes every key that expired by {@code now}; answers how many. */
    public long purgeExpired(Instant now) {
        long total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> store.purgeExpired(now, config.purgeBatchSize()));
            total += deleted;
        } while (deleted == config.purgeBatchSize());
        return total;
    }
}
