package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One event for one subscription, and how sending it went (table webhook_delivery). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    /** The statuses a log is filtered by. */
    public enum Status { PENDING, DELIVERED, FAILED }

    public static final String PENDING = "PENDING";
    public static final String DELIVERED = "DELIVERED";
    public static final String FAILED = "FAILED";

    @Id
    public UUID id;

    @Column(name = "subscription_id")
    public UUID subscriptionId;

    /** The event's id, the same in every delivery and replay of it: receivers deduplicate by it. */
    @Column(name = "event_id")
    public String eventId;

    @Column(name = "event_type")
    public String eventType;

    /** The JSON sent, exactly; the signature is computed over it at each attempt. */
    public String body;

    public String status;

    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_status")
    public Integer lastStatus;

    /** Why the last attempt failed when no HTTP status came back: TIMEOUT, CONNECTION_FAILED, REQUEST_FAILED, TARGET_REFUSED, INTERRUPTED. */
    @Column(name = "last_error_kind")
    public String lastErrorKind;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "replay_of")
    public UUID replayOf;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
