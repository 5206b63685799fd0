package io.techbridge.matching.notification;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Notifications: whether and how e-mails are sent, and the saved searches' limits. */
@ConfigMapping(prefix = "techbridge.notifications")
public interface NotificationConfig {

    Mail mail();

    SavedSearches savedSearches();

    interface Mail {
        /**
         * Whether e-mails are written and sent at all. Off unless configured: with it off no e-mail row
         * is written (the console notifications are unaffected). The SMTP server is quarkus.mailer.*.
         */
        @WithDefault("false")
        boolean enabled();

        /** The console's address, for the link in each e-mail. */
        @WithDefault("http://localhost:8080")
        String consoleUrl();

        /** Threads sending e-mails. */
        @WithDefault("1")
        int senders();

        /** The wait after an e-mail's first failed attempt; it doubles with each further one, up to maxDelay. */
        @WithDefault("PT30S")
        Duration initialDelay();

        @WithDefault("PT1H")
        Duration maxDelay();

        /** Attempts before an e-mail is given up as FAILED. */
        @WithDefault("12")
        int maxAttempts();
    }

    interface SavedSearches {
        /** How often every saved search is run for new records (read by SavedSearchCheck's schedule). */
        @WithDefault("60s")
        Duration checkEvery();

        /** Saved searches one user may keep. */
        @WithDefault("20")
        int maxPerUser();

        /**
         * How far back before its last check a saved search looks again, for records indexed late
         * (each record is told of once however often it is seen).
         */
        @WithDefault("PT10M")
        Duration lookBack();

        /** New records one notification names at most (the count says how many there were). */
        @WithDefault("10")
        int recordsPerNotification();
    }
}
