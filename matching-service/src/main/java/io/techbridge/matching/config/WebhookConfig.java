package io.techbridge.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Webhooks: where deliveries may go, how often and how long they are tried, when a subscriber is paused. */
@ConfigMapping(prefix = "techbridge.webhooks")
public interface WebhookConfig {

    /** Threads sending deliveries; each holds one request at a time. */
    @WithDefault("2")
    int senders();

    /** How long a receiver has to connect and answer before the attempt counts as failed. */
    @WithDefault("PT10S")
    Duration timeout();

    /** The wait after a delivery's first failed attempt; it doubles with each further one, up to maxDelay. */
    @WithDefault("PT30S")
    Duration initialDelay();

    @WithDefault("PT6H")
    Duration maxDelay();

    /** Attempts before a delivery is given up as FAILED (it can still be replayed). */
    @WithDefault("16")
    int maxAttempts();

    /** Failed attempts in a row, across its deliveries, after which a subscription is paused. */
    @WithDefault("20")
    int pauseAfterFailures();

    /** Subscriptions an organisation may hold. */
    @WithDefault("20")
    int maxPerOrganisation();

    /**
     * Whether a URL may point at a loopback, private or link-local address. Off in production: a
     * subscriber must not make the platform call into its own network.
     */
    @WithDefault("false")
    boolean allowPrivateTargets();

    /** Whether a URL must be https; the local stack and the tests deliver to http on localhost. */
    @WithDefault("true")
    boolean requireHttps();
}
