package io.techbridge.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.persistence.AuthSession;
import io.techbridge.gateway.persistence.AuthSessionRepository;
import io.techbridge.gateway.persistence.RefreshToken;
import io.techbridge.gateway.persistence.RefreshTokenRepository;
import io.techbridge.gateway.persistence.UserAccount;
import io.techbridge.gateway.persistence.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Login sessions and their refresh tokens. A refresh token is 32 random bytes (base64url, 43
 * characters), stored only as its SHA-256; each is exchanged once for a successor and a new access
 * token. Presenting one again after it was exchanged (later than the reuse grace) means two
 * parties hold it, so the whole session ends. A session also ends at logout and when its account
 * is disabled or given a new password, and it expires a fixed time after the login.
 */
@ApplicationScoped
public class Sessions {

    private static final Logger LOG = Logger.getLogger(Sessions.class);
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A refresh token as handed to the client, and when its session expires. */
    public record Issued(String token, Instant expiresAt) {
    }

    /** What an exchange of a refresh token gave. */
    public sealed interface Exchange permits Exchanged, Refused {
    }

    /** The account (still enabled, credentials unchanged) and the token's successor. */
    public record Exchanged(UserAccount user, Issued refresh) implements Exchange {
    }

    /** Why the token was refused, for the log; the client only learns that it was. */
    public record Refused(String reason) implements Exchange {
    }

    private final AuthSessionRepository sessions;
    private final RefreshTokenRepository tokens;
    private final UserAccountRepository users;
    private final GatewayConfig config;

    public Sessions(AuthSessionRepository sessions, RefreshTokenRepository tokens, UserAccountRepository users,
            GatewayConfig config) {
        this.sessions = sessions;
        this.tokens = tokens;
        this.users = users;
        this.config = config;
    }

    /** Whether a text has the form of a refresh token (43 base64url characters). */
    public static boolean wellFormed(String token) {
        return token != null && FORMAT.matcher(token).matches();
    }

    /** Starts a session for the account, in the caller's transaction, and returns its first refresh token. */
    public Issued start(UserAccount user, Instant now) {
        AuthSession session = new AuthSession();
        session.id = UUID.randomUUID();
        session.userId = user.id;
        session.credentialsVersion = user.credentialsVersion;
        session.startedAt = now;
        session.expiresAt = now.plus(config.token().refreshLifetime()).truncatedTo(ChronoUnit.MILLIS);
        sessions.persist(session);
        return issue(session, now);
    }

    /**
     * Exchanges a refresh token for its successor, in a transaction of its own that commits also
     * when the token is refused (a refusal may end the session).
     */
    public Exchange exchange(String token) {
        if (!wellFormed(token)) {
            return logged(new Refused("not a refresh token"));
        }
        Instant now = Instant.now();
        return logged(QuarkusTransaction.requiringNew().call(() -> exchange(hash(token), now)));
    }

    /** Ends the session of a refresh token (logout); an unknown token or an ended session is left as it is. */
    public void end(String token) {
        if (!wellFormed(token)) {
            return;
        }
        String hash = hash(token);
        QuarkusTransaction.requiringNew().run(() -> tokens.sessionOf(hash)
                .map(id -> sessions.findById(id, LockModeType.PESSIMISTIC_WRITE))
                .ifPresent(session -> {
                    session.end(AuthSession.EndReason.LOGOUT, Instant.now());
                    LOG.infof("session %s of account %s ended: logout", session.id, session.userId);
                }));
    }

    /** Removes the sessions that have expired, with their refresh tokens; returns how many. */
    public long purgeExpired() {
        return QuarkusTransaction.requiringNew().call(() -> sessions.deleteExpired(Instant.now()));
    }

    private Exchange exchange(String hash, Instant now) {
        Optional<UUID> sessionId = tokens.sessionOf(hash);
        if (sessionId.isEmpty()) {
            return new Refused("unknown refresh token");
        }
        // The session's row lock puts every exchange and ending of one session in a line.
        AuthSession session = sessions.findById(sessionId.get(), LockModeType.PESSIMISTIC_WRITE);
        RefreshToken presented = tokens.findById(hash);
        if (session == null || presented == null) {
            return new Refused("unknown refresh token");
        }
        if (session.endedAt != null) {
            return new Refused("session " + session.id + " ended (" + session.endReason + ")");
        }
        if (!now.isBefore(session.expiresAt)) {
            return new Refused("session " + session.id + " expired");
        }
        if (presented.replacedAt != null && now.isAfter(presented.replacedAt.plus(config.token().reuseGrace()))) {
            session.end(AuthSession.EndReason.TOKEN_REUSED, now);
            LOG.warnf("refresh token of session %s (account %s) presented again %d s after it was exchanged: "
                    + "the session ends", session.id, session.userId, Duration.between(presented.replacedAt, now).toSeconds());
            return new Refused("token reused; session " + session.id + " ended");
        }
        UserAccount user = users.findById(session.userId);
        if (user == null || !user.enabled || user.credentialsVersion != session.credentialsVersion) {
            session.end(AuthSession.EndReason.CREDENTIALS_CHANGED, now);
            return new Refused("account " + session.userId + " disabled or given a new password");
        }
        if (presented.replacedAt == null) {
            presented.replacedAt = now;
        }
        return new Exchanged(user, issue(session, now));
    }

    private Exchange logged(Exchange exchange) {
        if (exchange instanceof Refused refused) {
            LOG.infof("refresh refused: %s", refused.reason());
        }
        return exchange;
    }

    private Issued issue(AuthSession session, Instant now) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken row = new RefreshToken();
        row.tokenHash = hash(token);
        row.sessionId = session.id;
        row.issuedAt = now;
        tokens.persist(row);
        return new Issued(token, session.expiresAt);
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing", e);
        }
    }
}
