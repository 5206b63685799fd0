package io.techbridge.demand.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.Period;
import java.time.ZoneId;

@ConfigMapping(prefix = "techbridge.demand")
public interface DemandConfig {

    /**
     * The zone whose calendar decides when a day is over: a demand valid until 5 May stays valid
     * through 5 May in this zone, and a date "in the future" means after today in this zone.
     */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    Expiry expiry();

    /** The furthest a renewal may move a demand's valid-until date, from today. */
    @WithDefault("P2Y")
    Period maxValidity();

    interface Expiry {

        /** How often the expiry job looks for demands past their valid-until date (read by its {@code @Scheduled}). */
        @WithDefault("1m")
        Duration interval();

        /** Most demands expired in one transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
