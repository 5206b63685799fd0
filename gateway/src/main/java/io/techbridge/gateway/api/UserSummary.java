package io.techbridge.gateway.api;

import io.techbridge.gateway.persistence.UserAccount;

import java.util.UUID;

/** The logged-in user as the console shows it. */
public record UserSummary(UUID id, String username, String displayName, String role, String organisationId,
        String organisationName, String organisationType) {

    public static UserSummary of(UserAccount user) {
        return new UserSummary(user.id, user.username, user.displayName, user.organisation.type.role().claim(),
                user.organisation.id, user.organisation.name, user.organisation.type.name());
    }
}
