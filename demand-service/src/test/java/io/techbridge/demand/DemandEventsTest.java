package io.techbridge.demand;

import io.techbridge.events.testing.PublishedEvents;
import io.techbridge.events.DemandPayload;
import io.techbridge.events.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every change reaches demand-events as one envelope carrying the full demand, in version order. */
@QuarkusTest
@RealServers
class DemandEventsTest {

    @Test
    void eachChangePublishesItsEnvelopeWithTheFullDemandInVersionOrder() {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(Demands.newOrganisation()));
        body.put("confidentiality", "BROKERS_ONLY");
        String id = Demands.createdId(body);
        body.put("version", 1);
        body.put("title", "铝型材表面瑕疵识别（修订）");
        Demands.update(id, body).statusCode(200);
        Demands.changeStatus(id, "negotiation", 2).statusCode(200);
        Demands.changeStatus(id, "solve", 3).statusCode(200);

        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(id, DemandEventLog.contains("DemandSolved", 4));

        assertEquals(List.of("DemandCreated", "DemandUpdated", "DemandInNegotiation", "DemandSolved"),
                envelopes.stream().map(e -> e.path("type").asText()).toList());
        for (int i = 0; i < envelopes.size(); i++) {
            JsonNode envelope = envelopes.get(i);
            assertEquals(i + 1, envelope.path("aggregateVersion").asLong());
            assertEquals("Demand", envelope.path("aggregateType").asText());
            assertEquals(id, envelope.path("aggregateId").asText());
            assertEquals(EventEnvelope.SCHEMA_VERSION, envelope.path("schemaVersion").asInt());
            assertFalse(envelope.path("eventId").asText().isBlank());
            assertFalse(envelope.path("occurredAt").asText().isBlank());
            assertEquals(id, envelope.path("payload").path("id").asText());
            assertEquals(i + 1, envelope.path("payload").path("version").asLong());
        }
        JsonNode created = envelopes.get(0).path("payload");
        assertEquals("OPEN", created.path("status").asText());
        assertEquals("BROKERS_ONLY", created.path("confidentiality").asText());
        assertEquals(2000000, created.path("challenge").path("bountyCny").asLong());
        // A confidential demand's text is there for matching; its contact is not, in any event.
        envelopes.forEach(PublishedEvents::payloadOf);
        DemandPayload read = (DemandPayload) PublishedEvents.payloadOf(envelopes.get(0));
        assertEquals(created.path("problem").asText(), read.problem());
        assertFalse(envelopes.get(0).toString().contains("shenjg@hengyu-al.com"), "the contact stays in demand-service");
        assertEquals("铝型材表面瑕疵识别（修订）", envelopes.get(1).path("payload").path("title").asText());
        assertEquals("IN_NEGOTIATION", envelopes.get(2).path("payload").path("status").asText());
        assertEquals("SOLVED", envelopes.get(3).path("payload").path("status").asText());
    }

    @Test
    void closingPublishesDemandClosed() {
        String id = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(id, "close", 1).statusCode(200);

        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(id, DemandEventLog.contains("DemandClosed", 2));
        JsonNode closed = envelopes.get(envelopes.size() - 1);
        assertEquals("CLOSED", closed.path("payload").path("status").asText());
        assertEquals("test", closed.path("payload").path("statusReason").asText());
    }

    @Test
    void refusedChangePublishesNothing() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        body.put("version", 7);
        Demands.update(id, body).statusCode(409);
        Demands.changeStatus(id, "close", 1).statusCode(200);

        // Events of one demand are relayed in order: once DemandClosed (version 2) is there, a
        // DemandUpdated of the refused change would have been published before it.
        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(id, DemandEventLog.contains("DemandClosed", 2));
        assertEquals(List.of("DemandCreated", "DemandClosed"), envelopes.stream().map(e -> e.path("type").asText()).toList());
        assertTrue(envelopes.stream().noneMatch(e -> e.path("type").asText().equals("DemandUpdated")));
    }
}
