package io.techbridge.listing.staleness;

import java.time.Clock;
import java.time.Instant;

/**
 * What a listing service gives the {@link StalenessJob}: one batch of its live listings marked stale,
 * and the clock "unchanged for {@code techbridge.staleness.after}" is measured on.
 */
public interface StaleListings {

    /**
     * Marks one batch of live listings last changed before {@code cutoff} STALE, each a change like
     * any other (new version, its own event), in one transaction. Rows another transaction holds
     * are skipped, not waited for ({@code FOR UPDATE SKIP LOCKED}).
     *
     * @return how many; fewer than {@code limit} means none is left (or the rest is locked)
     */
    int markStale(Instant cutoff, int limit);

    /** The service's clock; the system clock unless the service keeps its own. */
    default Clock clock() {
        return Clock.systemUTC();
    }
}
