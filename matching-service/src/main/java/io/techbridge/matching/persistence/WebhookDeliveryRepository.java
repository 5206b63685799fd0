package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class WebhookDeliveryRepository implements PanacheRepositoryBase<WebhookDelivery, UUID> {

    /** A new delivery of an event to a subscription; false when that event was already turned into one. */
    public boolean addOnce(UUID subscriptionId, String eventId, String eventType, String body, Instant now) {
        return getEntityManager().createNativeQuery("""
                        INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, body, status, attempts,
                                                      next_attempt_at, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, 'PENDING', 0, ?6, ?6)
                        ON CONFLICT (subscription_id, event_id) WHERE replay_of IS NULL DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, subscriptionId).setParameter(3, eventId)
                .setParameter(4, eventType).setParameter(5, body).setParameter(6, now)
                .executeUpdate() == 1;
    }

    /**
     * Takes the oldest due deliveries of active subscriptions, moving their next attempt past the lease: another
     * sender (thread or instance) does not take them meanwhile, and one whose sender died is tried again after it.
     */
    public List<UUID> claimDue(int limit, Instant now, Instant leaseUntil) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = getEntityManager().createNativeQuery("""
                        UPDATE webhook_delivery SET next_attempt_at = ?3
                        WHERE id IN (SELECT d.id FROM webhook_delivery d
                                     JOIN webhook_subscription s ON s.id = d.subscription_id
                                     WHERE d.status = 'PENDING' AND d.next_attempt_at <= ?1 AND s.status = 'ACTIVE'
                                     ORDER BY d.next_attempt_at LIMIT ?2
                                     FOR UPDATE OF d SKIP LOCKED)
                        RETURNING id""", UUID.class)
                .setParameter(1, now).setParameter(2, limit).setParameter(3, leaseUntil)
                .getResultList();
        return ids;
    }

    /** A resumed subscription's waiting deliveries are due at once. */
    public int dueNow(UUID subscriptionId, Instant now) {
        return update("nextAttemptAt = ?1 where subscriptionId = ?2 and status = ?3", now, subscriptionId,
                WebhookDelivery.PENDING);
    }

    /** A subscription's deliveries, newest first, of one status or all. */
    public List<WebhookDelivery> log(UUID subscriptionId, String status, int page, int size) {
        Sort newestFirst = Sort.descending("createdAt").and("id", Sort.Direction.Descending);
        var query = status == null ? find("subscriptionId", newestFirst, subscriptionId)
                : find("subscriptionId = ?1 and status = ?2", newestFirst, subscriptionId, status);
        return query.page(Page.of(page, size)).list();
    }

    public long countLog(UUID subscriptionId, String status) {
        return status == null ? count("subscriptionId", subscriptionId)
                : count("subscriptionId = ?1 and status = ?2", subscriptionId, status);
    }

    public long countPending() {
        return count("status", WebhookDelivery.PENDING);
    }
}
