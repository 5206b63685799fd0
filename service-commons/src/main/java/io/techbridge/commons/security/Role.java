package io.techbridge.commons.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles of domain.md, as the token's {@code groups} claim names them. */
public enum Role {
    UNIVERSITY("university"),
    ENTERPRISE("enterprise"),
    BROKER("broker"),
    ADMIN("admin");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    public String claim() {
        return claim;
    }

    public static Optional<Role> fromClaim(String value) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(value)).findFirst();
    }
}
