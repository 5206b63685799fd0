package io.techbridge.gateway.accounts;

import io.techbridge.commons.security.Role;

/** What kind of organisation an account belongs to; the role of its users follows from it. */
public enum OrganisationType {
    UNIVERSITY(Role.UNIVERSITY),
    INSTITUTE(Role.UNIVERSITY),
    ENTERPRISE(Role.ENTERPRISE),
    BROKER_AGENCY(Role.BROKER),
    OPERATOR(Role.ADMIN);

    private final Role role;

    OrganisationType(Role role) {
        this.role = role;
    }

    public Role role() {
        return role;
    }
}
