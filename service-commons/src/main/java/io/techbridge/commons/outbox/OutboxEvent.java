package io.techbridge.commons.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** An event waiting to be relayed to Kafka; written in the same transaction as the change it records. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    /** Commit order of the events; the relay publishes in this order. */
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false, updatable = false)
    public UUID eventId;

    @Column(name = "aggregate_type", nullable = false, updatable = false)
    public String aggregateType;

    @Column(name = "aggregate_id", nullable = false, updatable = false)
    public String aggregateId;

    @Column(name = "aggregate_version", nullable = false, updatable = false)
    public long aggregateVersion;

    @Column(name = "event_type", nullable = false, updatable = false)
    public String eventType;

    /** The serialized {@link io.techbridge.events.EventEnvelope}, exactly as it goes on the wire. */
    @Column(name = "envelope", nullable = false, updatable = false)
    public String envelope;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    /** The W3C traceparent of the span that wrote the event; the relay's send continues that trace. */
    @Column(name = "trace_parent", updatable = false)
    public String traceParent;

    @Column(name = "published_at")
    public Instant publishedAt;
}
