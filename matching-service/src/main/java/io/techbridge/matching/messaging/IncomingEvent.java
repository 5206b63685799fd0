package io.techbridge.matching.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.events.EventEnvelope;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** A parsed event envelope, checked enough to be applied; anything less is poison. */
public record IncomingEvent(String eventId, String type, String aggregateType, String aggregateId, long version,
        JsonNode payload, Instant occurredAt) {

    public static IncomingEvent parse(ObjectMapper mapper, String value, String expectedAggregateType) {
        if (value == null || value.isBlank()) {
            throw new PoisonMessageException("empty message");
        }
        JsonNode root;
        try {
            root = mapper.readTree(value);
        } catch (Exception e) {
            throw new PoisonMessageException("not JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new PoisonMessageException("not an event envelope: expected a JSON object");
        }
        String aggregateType = text(root, "aggregateType");
        if (!expectedAggregateType.equals(aggregateType)) {
            throw new PoisonMessageException("aggregateType '" + aggregateType + "' does not belong on this topic");
        }
        JsonNode version = root.get("aggregateVersion");
        if (version == null || !version.canConvertToLong() || version.asLong() < 1) {
            throw new PoisonMessageException("aggregateVersion missing or not a positive number");
        }
        JsonNode schema = root.get("schemaVersion");
        if (schema == null || !schema.canConvertToInt() || !EventEnvelope.readable(schema.asInt())) {
            throw new PoisonMessageException(schema == null || !schema.canConvertToInt() ? "schemaVersion missing"
                    : EventEnvelope.unreadableReason(schema.asInt()));
        }
        JsonNode payload = root.get("payload");
        if (payload == null || !payload.isObject()) {
            throw new PoisonMessageException("payload missing");
        }
        String aggregateId = text(root, "aggregateId");
        if (!aggregateId.equals(payload.path("id").asText())) {
            throw new PoisonMessageException("payload id does not match aggregateId " + aggregateId);
        }
        return new IncomingEvent(text(root, "eventId"), text(root, "type"), aggregateType, aggregateId,
                version.asLong(), payload, occurredAt(root));
    }

    /** When it happened, if the envelope says it readably; webhooks leave out events from before a subscription. */
    private static Instant occurredAt(JsonNode root) {
        try {
            return root.hasNonNull("occurredAt") ? Instant.parse(root.get("occurredAt").asText()) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new PoisonMessageException(field + " missing");
        }
        return node.asText();
    }
}
