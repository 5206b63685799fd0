package io.techbridge.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.events.EventEnvelope;
import io.techbridge.events.EventPayload;
import io.techbridge.commons.tracing.TraceParents;
import io.techbridge.commons.work.Collector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/** Records an event in the outbox, inside the transaction of the change it describes. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository repository;
    private final ObjectMapper objectMapper;
    private final Event<OutboxAppended> appended;
    /** The events appended by this thread's {@link #collecting} work, written together at its end. */
    private final Collector<OutboxEvent> collected = new Collector<>();

    public OutboxWriter(OutboxRepository repository, ObjectMapper objectMapper, Event<OutboxAppended> appended) {
        this.repository = repository;
        this.objectMapper = objectMapper;
        this.appended = appended;
    }

    /** Fired after the appending transaction commits, so the relay can publish without waiting for its next tick. */
    public record OutboxAppended() {
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public EventEnvelope append(String eventType, String aggregateType, String aggregateId, long aggregateVersion,
            EventPayload payload) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, aggregateType, aggregateId,
                aggregateVersion, Instant.now(), EventEnvelope.SCHEMA_VERSION, objectMapper.valueToTree(payload));
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.eventType = eventType;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.aggregateVersion = aggregateVersion;
        event.envelope = serialize(envelope);
        event.createdAt = envelope.occurredAt();
        event.traceParent = TraceParents.current();
        if (!collected.add(event)) {
            repository.persist(event);
        }
        appended.fire(new OutboxAppended());
        return envelope;
    }

    /**
     * Runs {@code work} (many changes in one transaction, such as a chunk of an import) with the
     * events it appends written together at its end in one JDBC batch, still in the same
     * transaction, instead of one insert each. An event row's generated id forces Hibernate to
     * insert it (and every change queued before it) at once; collected, the changes' own inserts
     * can be batched too. If {@code work} fails nothing is written and the transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        return collected.run(work, this::write);
    }

    private void write(List<OutboxEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        repository.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    INSERT INTO outbox_event (event_id, aggregate_type, aggregate_id, aggregate_version, event_type,
                                              envelope, created_at, trace_parent)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (OutboxEvent event : batch) {
                    insert.setObject(1, event.eventId);
                    insert.setString(2, event.aggregateType);
                    insert.setString(3, event.aggregateId);
                    insert.setLong(4, event.aggregateVersion);
                    insert.setString(5, event.eventType);
                    insert.setString(6, event.envelope);
                    insert.setObject(7, event.createdAt.atOffset(ZoneOffset.UTC));
                    insert.setString(8, event.traceParent);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private String serialize(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialized", e);
        }
    }
}
