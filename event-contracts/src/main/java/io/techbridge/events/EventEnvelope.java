package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope of every event TechBridge publishes. The payload is an {@link EventPayload}:
 * the aggregate's state after the change as its contract says, never a REST response.
 * {@code schemaVersion} is the version of that contract (README.md: what may change within one).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope(
        UUID eventId,
        String type,
        String aggregateType,
        String aggregateId,
        long aggregateVersion,
        Instant occurredAt,
        int schemaVersion,
        JsonNode payload) {

    /**
     * The version producers write. 2: contact details left every payload (version 1 carried the
     * REST response with the contact); every field a version 1 consumer read is unchanged.
     */
    public static final int SCHEMA_VERSION = 2;

    /** Whether a consumer built on this contract may read an event written with {@code version}. */
    public static boolean readable(int version) {
        return version >= 1 && version <= SCHEMA_VERSION;
    }

    /** Why an event written with {@code version} is not read, for the dead-letter record. */
    public static String unreadableReason(int version) {
        return version > SCHEMA_VERSION
                ? "written with schema version " + version + "; this consumer reads up to " + SCHEMA_VERSION
                        + ": upgrade it and replay the event from the dead-letter topic"
                : "schemaVersion " + version + " is not a version";
    }
}
