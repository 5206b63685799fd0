package io.techbridge.commons.security;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RoleTest {

    @Test
    void eachRoleIsNamedByItsGroupsClaim() {
        for (Role role : Role.values()) {
            assertEquals(Optional.of(role), Role.fromClaim(role.claim()));
            assertEquals(role.name().toLowerCase(), role.claim());
        }
    }

    @Test
    void anUnknownOrDifferentlyWrittenClaimIsNoRole() {
        assertEquals(Optional.empty(), Role.fromClaim("operator"));
        assertEquals(Optional.empty(), Role.fromClaim("ADMIN"));
        assertEquals(Optional.empty(), Role.fromClaim(null));
    }
}
