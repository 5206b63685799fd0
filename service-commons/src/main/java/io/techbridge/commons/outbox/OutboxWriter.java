package io.techbridge.commons.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.events.EventEnvelope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/** Records an event in the outbox, inside the transaction of the change it describes. */
@ApplicationScoped
public class OutboxWriter {

    private final OutboxRepository repository;
    private final ObjectMapper objectMapper;
    private final Event<OutboxAppended> appended;

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
            Object state) {
        EventEnvelope envelope = new EventEnvelope(UUID.randomUUID(), eventType, aggregateType, aggregateId,
                aggregateVersion, Instant.now(), EventEnvelope.SCHEMA_VERSION, objectMapper.valueToTree(state));
        OutboxEvent event = new OutboxEvent();
        event.eventId = envelope.eventId();
        event.eventType = eventType;
        event.aggregateType = aggregateType;
        event.aggregateId = aggregateId;
        event.aggregateVersion = aggregateVersion;
        event.envelope = serialize(envelope);
        event.createdAt = envelope.occurredAt();
        repository.persist(event);
        appended.fire(new OutboxAppended());
        return envelope;
    }

    private String serialize(EventEnvelope envelope) {
        try {
            return objectMapper.writeValueAsString(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event " + envelope.type() + " cannot be serialized", e);
        }
    }
}
