package io.techbridge.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.gateway.accounts.PasswordHasher;
import io.techbridge.gateway.persistence.UserAccount;
import io.techbridge.gateway.persistence.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a login name and password and starts a session: a short-lived access token and a refresh
 * token. Every failure — unknown name, wrong password, disabled account — is the same 401 and
 * costs the same time, so the answer reveals nothing about which accounts exist. A refresh
 * exchanges the refresh token for a new pair while the account stays enabled with the same
 * password.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);
    private static final String FAILED = "wrong login name or password, or the account is disabled";
    private static final String REFRESH_REFUSED = "the refresh token is not valid: unknown, expired, used before, or its "
            + "session ended (logout, the account disabled or given a new password); log in again";

    /** An access token, a refresh token and the account they speak for. */
    public record LoggedIn(UserAccount user, TokenIssuer.IssuedToken token, Sessions.Issued refresh) {
    }

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final Sessions sessions;
    private final LoginThrottle throttle;

    public LoginService(UserAccountRepository users, PasswordHasher hasher, TokenIssuer issuer, Sessions sessions,
            LoginThrottle throttle) {
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
        this.sessions = sessions;
        this.throttle = throttle;
    }

    /**
     * A session for a login name and password; 401 for any failure, 429 with Retry-After while the
     * name is closed after too many failures in a row (its password is then not even checked).
     */
    public LoggedIn login(String username, String password) {
        Duration closed = throttle.closedFor(username, Instant.now());
        if (!closed.isZero()) {
            long seconds = Math.max(1, (closed.toMillis() + 999) / 1000);
            throw new ProblemException(Problem.of(Response.Status.TOO_MANY_REQUESTS, "login-throttled",
                            "Too many failed logins", "too many failed logins for this name in a row; try again in "
                                    + seconds + " s")
                    .withContext(Map.of(Problem.RETRY_AFTER_SECONDS, seconds)));
        }
        try {
            LoggedIn loggedIn = check(username, password);
            throttle.succeeded(username);
            return loggedIn;
        } catch (ProblemException refused) {
            if (refused.problem().status() == Response.Status.UNAUTHORIZED.getStatusCode()) {
                throttle.failed(username, Instant.now());
            }
            throw refused;
        }
    }

    private LoggedIn check(String username, String password) {
        char[] secret = password.toCharArray();
        // The slow hash runs outside any transaction, so a login holds no database connection while it computes.
        Optional<UserAccount> found = QuarkusTransaction.requiringNew().call(() -> users.findByUsername(username.strip()));
        if (found.isEmpty()) {
            hasher.verifyDecoy(secret);
            LOG.infof("login refused for unknown name '%s'", printable(username));
            throw Problems.unauthenticated(FAILED);
        }
        UserAccount candidate = found.get();
        boolean matches = hasher.verify(secret, candidate.passwordHash);
        if (!matches || !candidate.enabled) {
            LOG.infof("login refused for '%s' (%s)", candidate.username, matches ? "disabled" : "wrong password");
            throw Problems.unauthenticated(FAILED);
        }
        String rehash = hasher.needsRehash(candidate.passwordHash) ? hasher.hash(secret) : null;
        return QuarkusTransaction.requiringNew().call(() -> {
            UserAccount current = users.findById(candidate.id);
            // Disabled or given a new password while the hash was computed: the password checked is no longer the one.
            if (current == null || !current.enabled || current.credentialsVersion != candidate.credentialsVersion) {
                LOG.infof("login refused for '%s' (changed during the login)", candidate.username);
                throw Problems.unauthenticated(FAILED);
            }
            Instant now = Instant.now();
            current.lastLoginAt = now;
            if (rehash != null) {
                current.passwordHash = rehash;
            }
            return new LoggedIn(current, issuer.issue(current), sessions.start(current, now));
        });
    }

    /** A new access token and the refresh token's successor; 401 when the token or its session is no longer valid. */
    public LoggedIn refresh(String refreshToken) {
        return switch (sessions.exchange(refreshToken)) {
            case Sessions.Exchanged exchanged -> new LoggedIn(exchanged.user(), issuer.issue(exchanged.user()), exchanged.refresh());
            case Sessions.Refused refused -> throw Problems.unauthenticated(REFRESH_REFUSED);
        };
    }

    /** Ends the refresh token's session; an unknown token or an ended session changes nothing. */
    public void logout(String refreshToken) {
        sessions.end(refreshToken);
    }

    /** The account behind a token, while it still exists and is enabled. */
    public UserAccount current(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> users.findByIdOptional(id))
                .filter(u -> u.enabled)
                .orElseThrow(() -> Problems.unauthenticated("the account of this token no longer exists or is disabled"));
    }

    private static String printable(String name) {
        String cut = name.length() > 64 ? name.substring(0, 64) : name;
        return cut.replaceAll("[^\\p{L}\\p{N}._@-]", "?");
    }
}
