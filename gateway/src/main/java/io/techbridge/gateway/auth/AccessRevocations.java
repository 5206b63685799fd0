package io.techbridge.gateway.auth;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.gateway.accounts.CredentialsChanged;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.persistence.UserAccountRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.json.JsonNumber;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts whose access tokens the gateway refuses before they expire: those disabled or given
 * a new password within the last access-token lifetime (plus the clock allowance). A token of such
 * an account carrying an older credentials version ({@link TokenIssuer#CREDENTIALS_VERSION}) is
 * refused at once by the gateway that made the change, and by every other gateway instance at its
 * next read of the accounts (every {@code techbridge.gateway.token.revocation-poll}). The services
 * cannot ask the gateway; for them the token's short lifetime is the bound. The same background
 * loop removes expired sessions.
 */
@ApplicationScoped
public class AccessRevocations {

    private static final Logger LOG = Logger.getLogger(AccessRevocations.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);

    /** An account's credentials version since {@code at}: its tokens of an older one are refused. */
    private record Revocation(int version, Instant at) {
    }

    private final Map<String, Revocation> revocations = new ConcurrentHashMap<>();
    private final UserAccountRepository users;
    private final Sessions sessions;
    private final LoginThrottle throttle;
    private final Duration window;
    private final WorkerLoop worker;
    private Instant nextPurge = Instant.EPOCH;

    public AccessRevocations(UserAccountRepository users, Sessions sessions, LoginThrottle throttle, GatewayConfig config,
            @ConfigProperty(name = "mp.jwt.verify.clock.skew", defaultValue = "60") int clockSkewSeconds) {
        this.users = users;
        this.sessions = sessions;
        this.throttle = throttle;
        this.window = config.token().lifetime().plusSeconds(clockSkewSeconds);
        this.worker = new WorkerLoop("gateway-revocations", config.token().revocationPoll(), this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /**
     * Whether a verified token of this subject, with this credentials-version claim (a number, or
     * null for a token without one), must be refused.
     */
    public boolean revoked(String subject, Object credentialsVersion) {
        Revocation revocation = revocations.get(subject);
        if (revocation == null) {
            return false;
        }
        int version = credentialsVersion instanceof JsonNumber json ? json.intValue()
                : credentialsVersion instanceof Number number ? number.intValue() : 0;
        return version < revocation.version();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) CredentialsChanged change) {
        record(change.userId(), change.version(), change.at());
    }

    private void record(UUID userId, int version, Instant at) {
        revocations.merge(userId.toString(), new Revocation(version, at),
                (known, fresh) -> fresh.version() >= known.version() ? fresh : known);
    }

    private WorkerLoop.Outcome round() {
        Instant now = Instant.now();
        Instant since = now.minus(window);
        List<Object[]> changed = QuarkusTransaction.requiringNew().call(() -> users.credentialsChangedSince(since));
        for (Object[] row : changed) {
            record((UUID) row[0], (Integer) row[1], (Instant) row[2]);
        }
        // Every token issued before a change this old has expired anyway.
        revocations.values().removeIf(revocation -> revocation.at().isBefore(since));
        if (!now.isBefore(nextPurge)) {
            long purged = sessions.purgeExpired();
            if (purged > 0) {
                LOG.infof("removed %d expired sessions", purged);
            }
            long forgotten = throttle.forgetOld(now);
            if (forgotten > 0) {
                LOG.infof("forgot the failed logins of %d login names", forgotten);
            }
            nextPurge = now.plus(PURGE_EVERY);
        }
        return WorkerLoop.Outcome.IDLE;
    }
}
