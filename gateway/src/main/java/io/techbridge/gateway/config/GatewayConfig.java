package io.techbridge.gateway.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Typed settings of the gateway ({@code techbridge.gateway.*}); production values come from the environment. */
@ConfigMapping(prefix = "techbridge.gateway")
public interface GatewayConfig {

    /** Base URLs of the services the gateway routes to. */
    Upstreams upstream();

    /** Time to connect to a service before the client gets 503. */
    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * When no instance of a service could be connected to, the wait before each is tried once more
     * (nothing reached a service, so that is always safe); a service still unreachable then gives 503.
     */
    @WithDefault("200ms")
    Duration connectRetryAfter();

    /**
     * Time a service may take to answer, counted from the end of the request body (or between two pieces
     * of its answer), before the client gets 504. An upload itself may take as long as the client needs.
     */
    @WithDefault("30s")
    Duration readTimeout();

    /**
     * The largest body kept in memory so that a request safe to repeat can go to a second instance
     * if the first goes away before answering; a larger one (a spreadsheet upload) streams and is not repeated.
     */
    @WithDefault("1M")
    io.quarkus.runtime.configuration.MemorySize resendMaxBody();

    RateLimits rateLimit();

    Tokens token();

    Passwords password();

    LoginThrottling loginThrottle();

    /** When set and no admin exists yet, the start creates the operator organisation and user {@code admin} with it. */
    Optional<String> bootstrapAdminPassword();

    /**
     * Each service's base URL, or several separated by commas (one per instance): the gateway then
     * balances the requests over the instances that are ready (routing.UpstreamBalancer).
     */
    interface Upstreams {
        List<URI> achievement();

        List<URI> demand();

        List<URI> matching();
    }

    /** How often each instance of a service with several is asked whether it is ready ({@code /q/health/ready}). */
    @WithDefault("2s")
    Duration healthProbeInterval();

    /**
     * Token buckets: each key may spend its limit within one window, refilled evenly over the window.
     * The buckets are kept in the database, shared by all gateway instances (routing.RateLimiter).
     */
    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        @WithDefault("300")
        int perAccount();

        @WithDefault("600")
        int perAddress();

        @WithDefault("20")
        int login();

        @WithDefault("1m")
        Duration window();

        /**
         * After the database failed a check, how long each instance holds its share of the limits in
         * memory before it tries the database again: an outage costs a request a failed attempt at most this often.
         */
        @WithDefault("5s")
        Duration storeRetry();
    }

    /**
     * Access tokens are short-lived and renewed with a refresh token, so disabling an account or
     * changing its password ends its access everywhere within the access-token lifetime plus the
     * clock allowance every service verifies with ({@code mp.jwt.verify.clock.skew}).
     */
    interface Tokens {
        /** How long an access token is valid. */
        @WithDefault("50s")
        Duration lifetime();

        /** How long a login lasts: its refresh tokens work until then (absolute; refreshing does not extend it). */
        @WithDefault("8h")
        Duration refreshLifetime();

        /**
         * A refresh token presented again this soon after it was exchanged (two tabs of one browser
         * refreshing at once) gets another successor; later, the reuse ends the session.
         */
        @WithDefault("10s")
        Duration reuseGrace();

        /** How often the gateway reads which accounts were disabled or given a new password, by any gateway instance. */
        @WithDefault("5s")
        Duration revocationPoll();
    }

    /**
     * Password guessing against one account, from any number of addresses: after {@code freeFailures}
     * failures in a row, each further one closes the login name for {@code firstDelay}, doubled at each
     * failure up to {@code maxDelay}, so a guesser gets a few hundred tries a day and the account's
     * owner is kept out for at most {@code maxDelay} at a time. The count starts again after a
     * successful login or {@code forgetAfter} without a failure.
     */
    interface LoginThrottling {
        @WithDefault("5")
        int freeFailures();

        @WithDefault("1s")
        Duration firstDelay();

        @WithDefault("5m")
        Duration maxDelay();

        @WithDefault("1h")
        Duration forgetAfter();
    }

    interface Passwords {
        /** PBKDF2 iterations for new hashes; stored hashes name their own, so raising it keeps old logins valid. */
        @WithDefault("210000")
        int iterations();

        @WithDefault("10")
        int minLength();
    }
}
