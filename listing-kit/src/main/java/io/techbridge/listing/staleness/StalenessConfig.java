package io.techbridge.listing.staleness;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** When a listing nobody touched (a published achievement, an open demand) counts as stale (techbridge.staleness.*). */
@ConfigMapping(prefix = "techbridge.staleness")
public interface StalenessConfig {

    /** How long a listing may stay unchanged before it is marked STALE. */
    @WithDefault("P180D")
    Duration after();

    /** How often the staleness job looks (read by its {@code @Scheduled}). */
    @WithDefault("1h")
    Duration interval();

    /** Most listings marked stale in one transaction. */
    @WithDefault("100")
    int batchSize();
}
