package io.techbridge.matching.notification;

import io.techbridge.commons.security.Role;
import io.techbridge.matching.webhook.WebhookEventType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a user can be notified of, by the name the API and the preferences use: the events its
 * organisation hears of by webhook (the same names), and its own saved searches' new hits.
 */
public enum NotificationType {

    PAIR_APPROVED(WebhookEventType.PAIR_APPROVED),
    INTRODUCTION_WAITING(WebhookEventType.INTRODUCTION_WAITING),
    INVITATION_ISSUED(WebhookEventType.INVITATION_ISSUED),
    CHALLENGE_PHASE_CHANGED(WebhookEventType.CHALLENGE_PHASE_CHANGED),
    IMPORT_FINISHED(WebhookEventType.IMPORT_FINISHED),
    /** A saved search found records published or changed since its last check (its owner only). */
    SAVED_SEARCH_NEW_MATCHES("saved-search.new-matches", EnumSet.of(Role.UNIVERSITY, Role.ENTERPRISE));

    private final String wireName;
    private final Set<Role> roles;

    NotificationType(WebhookEventType event) {
        this.wireName = event.wireName();
        this.roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (event.subscribableBy(role)) {
                roles.add(role);
            }
        }
    }

    NotificationType(String wireName, Set<Role> roles) {
        this.wireName = wireName;
        this.roles = roles;
    }

    public String wireName() {
        return wireName;
    }

    public boolean concerns(Role role) {
        return roles.contains(role);
    }

    /** The types a user of this role can be notified of, in their order. */
    public static List<NotificationType> of(Role role) {
        return Arrays.stream(values()).filter(t -> t.concerns(role)).toList();
    }

    public static Optional<NotificationType> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static Optional<NotificationType> of(WebhookEventType event) {
        return ofWireName(event.wireName());
    }
}
