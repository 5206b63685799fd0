package io.techbridge.gateway.api;

import io.techbridge.gateway.persistence.UserAccount;

import java.time.Instant;
import java.util.UUID;

/** An account as the operator manages it; never the password hash. */
public record UserResponse(UUID id, String username, String displayName, String role, String organisationId,
        String organisationName, String organisationType, boolean enabled, Instant createdAt, Instant lastLoginAt) {

    public static UserResponse of(UserAccount user) {
        return new UserResponse(user.id, user.username, user.displayName, user.organisation.type.role().claim(),
                user.organisation.id, user.organisation.name, user.organisation.type.name(), user.enabled,
                user.createdAt, user.lastLoginAt);
    }
}
