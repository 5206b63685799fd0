package io.techbridge.demand.duplicates;

import io.techbridge.commons.duplicates.DuplicateConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Indexes demands posted before the duplicate index existed (everything written since is
 * indexed in its own transaction), a batch per transaction, shortly after start and then now and then.
 */
@ApplicationScoped
public class DuplicateBackfill {

    private static final Logger LOG = Logger.getLogger(DuplicateBackfill.class);

    private final DuplicateIndex index;
    private final DuplicateConfig config;

    public DuplicateBackfill(DuplicateIndex index, DuplicateConfig config) {
        this.index = index;
        this.config = config;
    }

    @Scheduled(identity = "duplicate-index-backfill", every = "${techbridge.duplicates.backfill-interval:1h}",
            delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void backfill() {
        try {
            int total = 0;
            int batch;
            do {
                batch = index.indexUnindexed(config.backfillBatchSize());
                total += batch;
            } while (batch > 0);
            if (total > 0) {
                LOG.infof("indexed %d demand(s) for duplicate detection", total);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "indexing demands for duplicate detection failed; the next run tries again");
        }
    }
}
