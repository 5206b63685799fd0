package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** An organisation's URL subscribed to some webhook events (table webhook_subscription). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public static final String ACTIVE = "ACTIVE";
    public static final String PAUSED = "PAUSED";
    public static final String MANUAL = "MANUAL";
    public static final String FAILURES = "FAILURES";

    @Id
    public UUID id;

    @Column(name = "organisation_id")
    public String organisationId;

    public String url;

    public String description;

    /** The subscribed event names, comma-separated. */
    @Column(name = "event_types")
    public String eventTypes;

    public String secret;

    public String status;

    /** MANUAL or FAILURES. */
    @Column(name = "paused_cause")
    public String pausedCause;

    @Column(name = "paused_by")
    public String pausedBy;

    @Column(name = "paused_reason")
    public String pausedReason;

    @Column(name = "paused_at")
    public Instant pausedAt;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "created_by")
    public String createdBy;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public List<String> eventTypeList() {
        return eventTypes.isEmpty() ? List.of() : Arrays.asList(eventTypes.split(","));
    }

    public boolean isPaused() {
        return PAUSED.equals(status);
    }
}
