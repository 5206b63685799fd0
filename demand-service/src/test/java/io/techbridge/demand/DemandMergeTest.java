package io.techbridge.demand;

import static org.junit.jupiter.api.Assertions.assertFalse;
import io.techbridge.events.testing.PublishedEvents;
import io.techbridge.events.DemandPayload;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A broker merges a duplicate demand into the one it repeats; nobody else may, and only into a live other one. */
@QuarkusTest
@RealServers
class DemandMergeTest {

    @Test
    void brokerMergesDuplicateWhichIsClosedWithMergedIntoAndAnEvent() {
        String original = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        String duplicate = Demands.createdId(Demands.validBody(Demands.newOrganisation()));

        merge(duplicate, original, TestTokens.broker()).statusCode(200)
                .body("status", equalTo("CLOSED")).body("mergedInto", equalTo(original))
                .body("statusReason", equalTo("同一需求重复发布")).body("version", equalTo(2));
        Demands.get(duplicate).body("status", equalTo("CLOSED")).body("mergedInto", equalTo(original));
        Demands.get(original).body("status", equalTo("OPEN")).body("version", equalTo(1));

        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(duplicate, DemandEventLog.contains("DemandMerged", 2));
        JsonNode merged = envelopes.stream().filter(e -> e.path("type").asText().equals("DemandMerged")).findFirst().orElseThrow();
        assertEquals("CLOSED", merged.path("payload").path("status").asText());
        assertEquals(original, merged.path("payload").path("mergedInto").asText());
        assertEquals(original, ((DemandPayload) PublishedEvents.payloadOf(merged)).mergedInto());
        assertFalse(merged.toString().contains("沈建国"), "the contact stays in demand-service");
    }

    @Test
    void onlyBrokersMerge() {
        String owner = Demands.newOrganisation();
        String original = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        String duplicate = Demands.createdId(Demands.validBody(owner));

        merge(duplicate, original, null).statusCode(401).contentType("application/problem+json");
        merge(duplicate, original, TestTokens.enterprise(owner)).statusCode(403).body("type", endsWith("/forbidden"));
        merge(duplicate, original, TestTokens.enterprise(Demands.newOrganisation())).statusCode(403);
        merge(duplicate, original, TestTokens.university(Demands.newOrganisation())).statusCode(403);
        merge(duplicate, original, TestTokens.admin()).statusCode(403);
        Demands.get(duplicate).body("status", equalTo("OPEN")).body("version", equalTo(1));
    }

    @Test
    void mergeOnlyIntoAnotherLiveDemand() {
        String duplicate = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        String solved = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(solved, "solve", 1).statusCode(200);
        String broker = TestTokens.broker();

        merge(duplicate, duplicate, broker).statusCode(400).body("violations[0].rule", equalTo("NotSelf"));
        merge(duplicate, solved, broker).statusCode(409).body("type", endsWith("/illegal-state"))
                .body("context.status", equalTo("SOLVED"));
        merge(duplicate, UUID.randomUUID().toString(), broker).statusCode(400).body("violations[0].rule", equalTo("Exists"));
        merge(UUID.randomUUID().toString(), duplicate, broker).statusCode(404);

        String original = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(original, "negotiation", 1).statusCode(200);
        merge(duplicate, original, broker).statusCode(200).body("mergedInto", equalTo(original));
        merge(duplicate, original, broker).statusCode(409).body("type", endsWith("/illegal-state"));
        merge(solved, original, broker).statusCode(409);
    }

    private static ValidatableResponse merge(String id, String intoId, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(Map.of("intoId", intoId, "reason", "同一需求重复发布"))
                .when().post("/api/demands/" + id + "/merge").then();
    }
}
