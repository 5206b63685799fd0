package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookSubscriptionRepository implements PanacheRepositoryBase<WebhookSubscription, UUID> {

    /** The subscriptions of these organisations to this event, paused ones too (their deliveries wait). */
    public List<WebhookSubscription> subscribedTo(Collection<String> organisationIds, String eventType) {
        if (organisationIds.isEmpty()) {
            return List.of();
        }
        return list("organisationId in ?1", organisationIds).stream()
                .filter(s -> s.eventTypeList().contains(eventType)).toList();
    }

    /** One organisation's (or, with null, every organisation's) subscriptions, oldest first. */
    public List<WebhookSubscription> page(String organisationId, int page, int size) {
        var query = organisationId == null ? findAll(Sort.by("createdAt").and("id"))
                : find("organisationId", Sort.by("createdAt").and("id"), organisationId);
        return query.page(Page.of(page, size)).list();
    }

    public long count(String organisationId) {
        return organisationId == null ? count() : count("organisationId", organisationId);
    }
}
