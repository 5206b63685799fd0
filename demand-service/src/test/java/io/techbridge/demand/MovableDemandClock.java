package io.techbridge.demand;

import io.techbridge.demand.config.DemandClock;
import io.techbridge.demand.config.DemandConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/**
 * The service's clock in the tests (it replaces {@link DemandClock}, test sources only): a test moves it
 * days ahead to pass a challenge's application deadline, and back afterwards. Everything that reads
 * the date (phases, {@code @Future}, the expiry job) reads it from here.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class MovableDemandClock extends DemandClock {

    private volatile Duration offset = Duration.ZERO;

    @Inject
    public MovableDemandClock(Instance<DemandConfig> config) {
        super(config);
    }

    /** For the client proxy only. */
    protected MovableDemandClock() {
        super(null);
    }

    @Override
    protected Instant now() {
        return Instant.now().plus(offset);
    }

    public void moveAhead(Duration by) {
        offset = by;
    }

    public void reset() {
        offset = Duration.ZERO;
    }
}
