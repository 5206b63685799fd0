package io.techbridge.gateway.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A refresh token of a session, known by its hash only; each may be exchanged once. */
@Entity
@Table(name = "refresh_token")
public class RefreshToken {

    @Id
    @Column(name = "token_hash", length = 64)
    public String tokenHash;

    @Column(name = "session_id", nullable = false)
    public UUID sessionId;

    @Column(name = "issued_at", nullable = false)
    public Instant issuedAt;

    @Column(name = "replaced_at")
    public Instant replacedAt;
}
