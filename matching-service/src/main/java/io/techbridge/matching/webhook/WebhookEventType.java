package io.techbridge.matching.webhook;

import io.techbridge.commons.security.Role;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** What a subscriber can hear about, by the name it is sent and subscribed with, and which roles may. */
public enum WebhookEventType {

    /** A broker approved a pair of one of the organisation's records: from now on the organisation sees it. */
    PAIR_APPROVED("pair.approved", EnumSet.of(Role.UNIVERSITY, Role.ENTERPRISE)),
    /** A broker introduced a pair to the enterprise, which is asked to accept or decline. */
    INTRODUCTION_WAITING("introduction.waiting", EnumSet.of(Role.ENTERPRISE)),
    /** The organisation was invited to apply to an open challenge. */
    INVITATION_ISSUED("invitation.issued", EnumSet.of(Role.UNIVERSITY)),
    /** An open challenge the organisation posted or applied to moved to another phase. */
    CHALLENGE_PHASE_CHANGED("challenge.phase-changed", EnumSet.of(Role.UNIVERSITY, Role.ENTERPRISE)),
    /** An import of the organisation's records finished. */
    IMPORT_FINISHED("import.finished", EnumSet.of(Role.UNIVERSITY, Role.ENTERPRISE)),
    /** Sent on request, to check a receiver; never subscribed to. */
    PING("ping", EnumSet.noneOf(Role.class));

    private final String wireName;
    private final Set<Role> roles;

    WebhookEventType(String wireName, Set<Role> roles) {
        this.wireName = wireName;
        this.roles = roles;
    }

    public String wireName() {
        return wireName;
    }

    /** Whether an organisation of this role may subscribe to it (the admin subscribes for one, in its role). */
    public boolean subscribableBy(Role role) {
        return roles.contains(role);
    }

    public static Optional<WebhookEventType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
