package io.techbridge.gateway.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One login: its refresh tokens work until it expires or ends. */
@Entity
@Table(name = "auth_session")
public class AuthSession {

    /** Why a session ended before it expired. */
    public enum EndReason {
        /** the user logged out */
        LOGOUT,
        /** the account was disabled or given a new password */
        CREDENTIALS_CHANGED,
        /** a refresh token was presented again after it had been exchanged: someone else may hold it */
        TOKEN_REUSED
    }

    @Id
    public UUID id;

    @Column(name = "user_id", nullable = false)
    public UUID userId;

    @Column(name = "credentials_version", nullable = false)
    public int credentialsVersion;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason", length = 30)
    public EndReason endReason;

    public boolean open(Instant now) {
        return endedAt == null && now.isBefore(expiresAt);
    }

    public void end(EndReason reason, Instant now) {
        if (endedAt == null) {
            endedAt = now;
            endReason = reason;
        }
    }
}
