package io.techbridge.demand.domain;

import io.techbridge.commons.staleness.StalenessConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.techbridge.demand.config.DemandClock;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * Marks open demands that nobody changed for {@code techbridge.staleness.after} STALE, batch after
 * batch, each batch in its own transaction. Several instances may run it at once: the batches lock
 * with {@code SKIP LOCKED}, so each demand is marked exactly once.
 */
@ApplicationScoped
public class DemandStalenessJob {

    private static final Logger LOG = Logger.getLogger(DemandStalenessJob.class);

    private final DemandService service;
    private final DemandClock clock;
    private final StalenessConfig config;
    private final Counter marked;

    public DemandStalenessJob(DemandService service, DemandClock clock, StalenessConfig config, MeterRegistry registry) {
        this.service = service;
        this.clock = clock;
        this.config = config;
        this.marked = Counter.builder("techbridge.demand.stale")
                .description("Open demands marked stale because nobody changed them for a long time").register(registry);
    }

    @Scheduled(identity = "demand-staleness", every = "${techbridge.staleness.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markStale() {
        Instant cutoff = clock.getClock().instant().minus(config.after());
        int batchSize = config.batchSize();
        try {
            int total = 0;
            int batch;
            do {
                batch = service.markStale(cutoff, batchSize);
                total += batch;
                marked.increment(batch);
            } while (batch == batchSize);
            if (total > 0) {
                LOG.infof("marked %d demand(s) stale, unchanged since before %s", total, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "marking stale demands failed; the next run tries again");
        }
    }
}
