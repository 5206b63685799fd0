package io.techbridge.demand.domain;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.techbridge.demand.config.DemandClock;
import io.techbridge.demand.config.DemandConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.LocalDate;

/**
 * Expires demands whose valid-until date has passed in the configured time zone, batch after
 * batch, each batch in its own transaction. Several instances may run it at once: the batches
 * lock with {@code SKIP LOCKED}, so each demand is expired exactly once.
 */
@ApplicationScoped
public class DemandExpiryJob {

    private static final Logger LOG = Logger.getLogger(DemandExpiryJob.class);

    private final DemandService service;
    private final DemandClock clock;
    private final DemandConfig config;
    private final Counter expired;

    public DemandExpiryJob(DemandService service, DemandClock clock, DemandConfig config, MeterRegistry registry) {
        this.service = service;
        this.clock = clock;
        this.config = config;
        this.expired = Counter.builder("techbridge.demand.expired")
                .description("Demands expired because their valid-until date passed").register(registry);
    }

    @Scheduled(identity = "demand-expiry", every = "${techbridge.demand.expiry.interval:1m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expireDue() {
        LocalDate today = clock.today();
        int batchSize = config.expiry().batchSize();
        try {
            int total = 0;
            int batch;
            do {
                batch = service.expireDue(today, batchSize);
                total += batch;
                expired.increment(batch);
            } while (batch == batchSize);
            if (total > 0) {
                LOG.infof("expired %d demand(s) whose last valid day was before %s", total, today);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "expiring demands failed; the next run tries again");
        }
    }
}
