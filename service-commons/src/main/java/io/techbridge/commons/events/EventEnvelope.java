package io.techbridge.commons.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope of every event TechBridge publishes. The payload is the full state of the
 * aggregate after the change, so a consumer never needs to call back.
 */
public record EventEnvelope(
        UUID eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        int schemaVersion,
        JsonNode payload) {

    public static final int SCHEMA_VERSION = 1;
}
