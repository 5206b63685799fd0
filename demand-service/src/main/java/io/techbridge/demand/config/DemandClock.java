package io.techbridge.demand.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.ClockProvider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar of the service, in the configured time zone. Bean Validation uses it too, so
 * {@code @Future} on a date and the expiry job agree on what "today" is whatever the zone of the host.
 * <p>
 * Quarkus builds the validators while the application is initialised, before the runtime
 * configuration is there, so the zone is looked up when the clock is first read, not when it is made.
 */
@ApplicationScoped
public class DemandClock implements ClockProvider {

    private final Instance<DemandConfig> config;
    private final Clock clock = new ConfiguredZoneClock();
    private volatile ZoneId zone;

    public DemandClock(Instance<DemandConfig> config) {
        this.config = config;
    }

    @Override
    public Clock getClock() {
        return clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /**
     * The instant everything here reads; tests that move past a deadline replace this bean with
     * one that adds an offset (no request can change it).
     */
    protected Instant now() {
        return Instant.now();
    }

    public ZoneId zone() {
        ZoneId current = zone;
        if (current == null) {
            current = config.get().timeZone();
            zone = current;
        }
        return current;
    }

    /** The system clock, seen in the configured zone. */
    private final class ConfiguredZoneClock extends Clock {

        @Override
        public ZoneId getZone() {
            return zone();
        }

        @Override
        public Clock withZone(ZoneId otherZone) {
            return Clock.offset(Clock.system(otherZone), Duration.between(Instant.now(), now()));
        }

        @Override
        public Instant instant() {
            return now();
        }

        @Override
        public long millis() {
            return now().toEpochMilli();
        }
    }
}
