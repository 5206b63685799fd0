package io.techbridge.commons.idempotency;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code techbridge.idempotency.*}: how long the first answers to requests with an {@code Idempotency-Key} are kept. */
@ConfigMapping(prefix = "techbridge.idempotency")
public interface IdempotencyConfig {

    /** The API promises at least this long; a shorter retention is refused at start. */
    Duration MINIMUM_RETENTION = Duration.ofHours(24);

    /**
     * How long a key and its first answer are kept, from the first answer: a repeat within it is
     * replayed, after it the key is free again (a new request). At least 24 hours.
     */
    @WithDefault("P1D")
    Duration retention();

    /** How often keys past their retention are deleted (they are ignored from the moment they expire). */
    @WithDefault("1h")
    Duration purgeInterval();

    /** Most keys deleted in one transaction of the purge. */
    @WithDefault("1000")
    int purgeBatchSize();
}
