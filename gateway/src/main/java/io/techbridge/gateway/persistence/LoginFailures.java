package io.techbridge.gateway.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The failed logins in a row of one login name, and until when it is closed to logins. */
@Entity
@Table(name = "login_throttle")
public class LoginFailures {

    @Id
    @Column(name = "login_name", length = 200)
    public String loginName;

    @Column(nullable = false)
    public int failures;

    @Column(name = "first_failed_at", nullable = false)
    public Instant firstFailedAt;

    @Column(name = "last_failed_at", nullable = false)
    public Instant lastFailedAt;

    @Column(name = "blocked_until")
    public Instant blockedUntil;
}
