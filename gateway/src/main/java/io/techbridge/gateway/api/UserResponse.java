package io.techbridge.gateway.api;

import io.techbridge.gateway.persistence.LoginFailures;
import io.techbridge.gateway.persistence.UserAccount;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An account as the operator manages it; never the password hash. */
public record UserResponse(UUID id, String username, String displayName, String role, String organisationId,
        String organisationName, String organisationType, boolean enabled, Instant createdAt, Instant lastLoginAt,
        @Schema(description = "failed logins in a row under this login name, from any address, within the last hour; "
                + "past 5 each one delays the next login") int failedLoginsInARow,
        @Schema(description = "no login is checked for this name before then (429 with Retry-After); absent when it may log in")
        Instant loginClosedUntil) {

    public static UserResponse of(UserAccount user) {
        return of(user, null);
    }

    /** With the account's failed logins, if any are remembered. */
    public static UserResponse of(UserAccount user, LoginFailures failures) {
        Instant closedUntil = failures == null || failures.blockedUntil == null || !failures.blockedUntil.isAfter(Instant.now())
                ? null : failures.blockedUntil;
        return new UserResponse(user.id, user.username, user.displayName, user.organisation.type.role().claim(),
                user.organisation.id, user.organisation.name, user.organisation.type.name(), user.enabled,
                user.createdAt, user.lastLoginAt, failures == null ? 0 : failures.failures, closedUntil);
    }
}
