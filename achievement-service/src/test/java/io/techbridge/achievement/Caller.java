package io.techbridge.achievement;

import io.techbridge.deploy.local.testing.TestTokens;

/** The callers of the authorisation matrix, relative to the organisation that owns the record. */
enum Caller {
    ANONYMOUS, UNIVERSITY_OWN, UNIVERSITY_OTHER, ENTERPRISE_OWN, ENTERPRISE_OTHER, BROKER, ADMIN;

    /** The caller's token (null: none), given the organisation that owns the record. */
    String token(String ownerOrganisation) {
        return switch (this) {
            case ANONYMOUS -> null;
            case UNIVERSITY_OWN -> TestTokens.university(ownerOrganisation);
            case UNIVERSITY_OTHER -> TestTokens.university(Achievements.newOrganisation());
            case ENTERPRISE_OWN -> TestTokens.enterprise(ownerOrganisation);
            case ENTERPRISE_OTHER -> TestTokens.enterprise(Achievements.newOrganisation());
            case BROKER -> TestTokens.broker();
            case ADMIN -> TestTokens.admin();
        };
    }

    /** Owner organisation, brokers and admins: they see drafts and contacts. */
    boolean seesEverything() {
        return this == UNIVERSITY_OWN || this == ENTERPRISE_OWN || this == BROKER || this == ADMIN;
    }
}
