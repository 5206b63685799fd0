package io.techbridge.listing.duplicates;

import io.quarkus.scheduler.Scheduled;
import io.techbridge.listing.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Indexes records written before the duplicate index existed (everything written since is indexed
 * in its own transaction), a batch per transaction, shortly after start and then now and then.
 */
@ApplicationScoped
public class DuplicateBackfill {

    private static final Logger LOG = Logger.getLogger(DuplicateBackfill.class);

    private final DuplicateIndex<?> index;
    private final DuplicateConfig config;
    private final String noun;

    public DuplicateBackfill(DuplicateIndex<?> index, DuplicateConfig config, Listing listing) {
        this.index = index;
        this.config = config;
        this.noun = listing.noun();
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
                LOG.infof("indexed %d %s(s) for duplicate detection", total, noun);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "indexing %ss for duplicate detection failed; the next run tries again", noun);
        }
    }
}
