package io.techbridge.listing.staleness;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.techbridge.listing.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Marks live listings that nobody changed for {@code techbridge.staleness.after} STALE, batch after
 * batch, each batch in its own transaction ({@link StaleListings#markStale}). Several instances may
 * run it at once: the batches lock with {@code SKIP LOCKED}, so each listing is marked exactly once.
 * Counted by {@code techbridge.<noun>.stale}.
 */
@ApplicationScoped
public class StalenessJob {

    private static final Logger LOG = Logger.getLogger(StalenessJob.class);

    private final StaleListings listings;
    private final StalenessConfig config;
    private final String noun;
    private final Counter marked;

    public StalenessJob(StaleListings listings, Listing listing, StalenessConfig config, MeterRegistry registry) {
        this.listings = listings;
        this.config = config;
        this.noun = listing.noun();
        this.marked = Counter.builder("techbridge." + noun + ".stale").description(listing.staleDescription())
                .register(registry);
    }

    @Scheduled(identity = "listing-staleness", every = "${techbridge.staleness.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markStale() {
        Instant cutoff = listings.clock().instant().minus(config.after());
        int batchSize = config.batchSize();
        try {
            int total = 0;
            int batch;
            do {
                batch = listings.markStale(cutoff, batchSize);
                total += batch;
                marked.increment(batch);
            } while (batch == batchSize);
            if (total > 0) {
                LOG.infof("marked %d %s(s) stale, unchanged since before %s", total, noun, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "marking stale %ss failed; the next run tries again", noun);
        }
    }
}
