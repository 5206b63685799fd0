package io.techbridge.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.commons.problem.Problems;
import io.techbridge.gateway.accounts.PasswordHasher;
import io.techbridge.gateway.persistence.UserAccount;
import io.techbridge.gateway.persistence.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a login name and password and issues a token. Every failure — unknown name, wrong
 * password, disabled account — is the same 401 and costs the same time, so the answer reveals
 * nothing about which accounts exist.
 */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);
    private static final String FAILED = "wrong login name or password, or the account is disabled";

    public record LoggedIn(UserAccount user, TokenIssuer.IssuedToken token) {
    }

    private final UserAccountRepository users;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;

    public LoginService(UserAccountRepository users, PasswordHasher hasher, TokenIssuer issuer) {
        this.users = users;
        this.hasher = hasher;
        this.issuer = issuer;
    }

    public LoggedIn login(String username, String password) {
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
        UserAccount user = QuarkusTransaction.requiringNew().call(() -> {
            UserAccount current = users.findById(candidate.id);
            current.lastLoginAt = Instant.now();
            if (rehash != null) {
                current.passwordHash = rehash;
            }
            return current;
        });
        return new LoggedIn(user, issuer.issue(user));
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
