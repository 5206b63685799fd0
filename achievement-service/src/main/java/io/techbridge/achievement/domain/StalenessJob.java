package io.techbridge.achievement.domain;

import io.techbridge.commons.staleness.StalenessConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;

/**
 * Marks published achievements that nobody changed for {@code techbridge.staleness.after} STALE,
 * batch after batch, each batch in its own transaction. Several instances may run it at once: the
 * batches lock with {@code SKIP LOCKED}, so each achievement is marked exactly once.
 */
@ApplicationScoped
public class StalenessJob {

    private static final Logger LOG = Logger.getLogger(StalenessJob.class);

    private final AchievementService service;
    private final StalenessConfig config;
    private final Clock clock;
    private final Counter marked;

    public StalenessJob(AchievementService service, StalenessConfig config, MeterRegistry registry) {
        this.service = service;
        this.config = config;
        this.clock = Clock.systemUTC();
        this.marked = Counter.builder("techbridge.achievement.stale")
                .description("Published achievements marked stale because nobody changed them for a long time")
                .register(registry);
    }

    @Scheduled(identity = "achievement-staleness", every = "${techbridge.staleness.interval:1h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void markStale() {
        Instant cutoff = Instant.now(clock).minus(config.after());
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
                LOG.infof("marked %d achievement(s) stale, unchanged since before %s", total, cutoff);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "marking stale achievements failed; the next run tries again");
        }
    }
}
