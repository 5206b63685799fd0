package io.techbridge.listing.testing;

import io.techbridge.deploy.local.testing.TestTokens;

import java.util.UUID;

/** The callers of an authorisation matrix, relative to the organisation that owns the record. */
public enum Caller {
    ANONYMOUS, UNIVERSITY_OWN, UNIVERSITY_OTHER, ENTERPRISE_OWN, ENTERPRISE_OTHER, BROKER, ADMIN;

    /** The caller's token (null: none), given the organisation that owns the record. */
    public String token(String ownerOrganisation) {
        return switch (this) {
            case ANONYMOUS -> null;
            case UNIVERSITY_OWN -> TestTokens.university(ownerOrganisation);
            case UNIVERSITY_OTHER -> TestTokens.university(newOrganisation());
            case ENTERPRISE_OWN -> TestTokens.enterprise(ownerOrganisation);
            case ENTERPRISE_OTHER -> TestTokens.enterprise(newOrganisation());
            case BROKER -> TestTokens.broker();
            case ADMIN -> TestTokens.admin();
        };
    }

    /** Owner organisation, brokers and admins: they see every record in full (drafts, contacts, confidential text). */
    public boolean seesEverything() {
        return this == UNIVERSITY_OWN || this == ENTERPRISE_OWN || this == BROKER || this == ADMIN;
    }

    /** An organisation no test used before. */
    public static String newOrganisation() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
