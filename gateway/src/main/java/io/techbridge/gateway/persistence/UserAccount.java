package io.techbridge.gateway.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "user_account")
public class UserAccount {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String username;

    @Column(name = "display_name", nullable = false, length = 100)
    public String displayName;

    @Column(name = "password_hash", nullable = false, length = 255)
    public String passwordHash;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "organisation_id", nullable = false)
    public Organisation organisation;

    @Column(nullable = false)
    public boolean enabled;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    /** Raised when the account is disabled or given a new password: sessions of an older version end. */
    @Column(name = "credentials_version", nullable = false)
    public int credentialsVersion = 1;

    /** When that last happened; access tokens issued before it are refused. */
    @Column(name = "credentials_changed_at")
    public Instant credentialsChangedAt;
}
