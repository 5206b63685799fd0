package io.techbridge.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The envelope is the wire contract of every topic: its member names and their meaning must not drift. */
class EventEnvelopeTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writesTheDocumentedMembersAndReadsThemBack() throws Exception {
        UUID eventId = UUID.fromString("7e1f2c3d-4b5a-6978-8a9b-0c1d2e3f4a5b");
        JsonNode payload = mapper.readTree("{\"id\":\"a-1\",\"title\":\"石墨烯散热膜\",\"version\":3}");
        EventEnvelope envelope = new EventEnvelope(eventId, "AchievementUpdated", "Achievement", "a-1", 3,
                Instant.parse("2026-03-01T08:15:30.123456Z"), EventEnvelope.SCHEMA_VERSION, payload);

        JsonNode json = mapper.valueToTree(envelope);
        assertEquals(List.of("eventId", "type", "aggregateType", "aggregateId", "aggregateVersion", "occurredAt",
                "schemaVersion", "payload"), memberNames(json));
        assertEquals(eventId.toString(), json.get("eventId").asText());
        assertEquals("2026-03-01T08:15:30.123456Z", json.get("occurredAt").asText());
        assertEquals(EventEnvelope.SCHEMA_VERSION, json.get("schemaVersion").asInt());
        assertEquals("石墨烯散热膜", json.get("payload").get("title").asText());

        assertEquals(envelope, mapper.treeToValue(json, EventEnvelope.class));
    }

    private static List<String> memberNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
