package io.techbridge.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.persistence.LoginFailures;
import io.techbridge.gateway.persistence.LoginFailuresRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Slows password guessing against one account, from any number of addresses and gateway instances
 * (the per-address limit of {@code RequestGuard} does not see an attacker with many addresses). The
 * failures of a login name are counted in the database whether or not the name exists, so the
 * throttle tells nothing about which accounts exist; past the free ones, each closes the name to
 * logins for a doubling, capped time ({@code techbridge.gateway.login-throttle.*}).
 */
@ApplicationScoped
public class LoginThrottle {

    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    private static final int MAX_NAME = 200;

    private final LoginFailuresRepository failures;
    private final GatewayConfig.LoginThrottling config;

    public LoginThrottle(LoginFailuresRepository failures, GatewayConfig config) {
        this.failures = failures;
        this.config = config.loginThrottle();
    }

    /** How long this login name is still closed to logins; zero when it may try now. */
    public Duration closedFor(String loginName, Instant now) {
        LoginFailures known = QuarkusTransaction.requiringNew().call(() -> failures.findById(key(loginName)));
        if (known == null || known.blockedUntil == null || !known.blockedUntil.isAfter(now)) {
            return Duration.ZERO;
        }
        return Duration.between(now, known.blockedUntil);
    }

    /** Counts a failed login; past the free failures the name is closed for a while, and the operators are told once per run. */
    public void failed(String loginName, Instant now) {
        String key = key(loginName);
        QuarkusTransaction.requiringNew().run(() -> {
            int inARow = failures.countFailure(key, now, now.minus(config.forgetAfter()));
            Duration delay = delayAfter(config, inARow);
            if (!delay.isZero()) {
                failures.block(key, now.plus(delay));
            }
            if (inARow == config.freeFailures() + 1) {
                LOG.warnf("login name '%s': %d failed logins in a row; each further failure now delays its next "
                        + "login (the account list shows it to admins)", printable(key), inARow);
            }
        });
    }

    /** A successful login ends the run of failures. */
    public void succeeded(String loginName) {
        QuarkusTransaction.requiringNew().run(() -> failures.deleteById(key(loginName)));
    }

    /** The remembered failures of these login names, by name as given. */
    public Map<String, LoginFailures> standing(Collection<String> loginNames, Instant now) {
        Map<String, LoginFailures> byKey = QuarkusTransaction.requiringNew().call(() -> failures
                .of(loginNames.stream().map(LoginThrottle::key).toList(), now.minus(config.forgetAfter())).stream()
                .collect(Collectors.toMap(f -> f.loginName, Function.identity())));
        return loginNames.stream().filter(name -> byKey.containsKey(key(name)))
                .collect(Collectors.toMap(Function.identity(), name -> byKey.get(key(name)), (a, b) -> a));
    }

    /** Forgets runs of failures older than the configured time; returns how many login names. */
    public long forgetOld(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> failures.forget(now.minus(config.forgetAfter())));
    }

    /** How long a login name is closed after its {@code inARow}-th failure in a row. */
    public static Duration delayAfter(GatewayConfig.LoginThrottling config, int inARow) {
        int past = inARow - config.freeFailures();
        if (past <= 0) {
            return Duration.ZERO;
        }
        // Doubling from firstDelay; past 30 doublings it is the cap anyway.
        Duration delay = config.firstDelay().multipliedBy(1L << Math.min(past - 1, 30));
        return delay.compareTo(config.maxDelay()) > 0 ? config.maxDelay() : delay;
    }

    static String key(String loginName) {
        String key = loginName.strip().toLowerCase(Locale.ROOT);
        return key.length() > MAX_NAME ? key.substring(0, MAX_NAME) : key;
    }

    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) : name;
        return cut.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
    }
}
