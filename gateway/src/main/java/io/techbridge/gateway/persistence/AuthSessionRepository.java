package io.techbridge.gateway.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.UUID;

@ApplicationScoped
public class AuthSessionRepository implements PanacheRepositoryBase<AuthSession, UUID> {

    /** Ends every open session of the account; returns how many. */
    public int endAll(UUID userId, AuthSession.EndReason reason, Instant now) {
        return update("endedAt = ?1, endReason = ?2 where userId = ?3 and endedAt is null", now, reason, userId);
    }

    /** Removes the sessions that expired before the instant, with their refresh tokens (ON DELETE CASCADE). */
    public long deleteExpired(Instant before) {
        return delete("expiresAt < ?1", before);
    }
}
