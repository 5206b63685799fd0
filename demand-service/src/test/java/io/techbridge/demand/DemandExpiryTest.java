package io.techbridge.demand;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.testing.TestServers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A demand whose valid-until date has passed expires by itself (the test profile runs the job
 * every second). Time is moved by setting valid_until under the service, which needs the
 * servers this test run started.
 */
@QuarkusTest
@RealServers
class DemandExpiryTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @BeforeEach
    void needsOwnServers() {
        assumeTrue(TestServers.get().managed(), "moving valid_until needs SQL access to the servers this run started");
    }

    @Test
    void demandPastItsValidUntilDateExpiresAndPublishesDemandExpired() {
        String id = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        setValidUntil(id, Demands.today().minusDays(1));

        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(id).statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("version", equalTo(2))
                .body("statusReason", startsWith("valid until")));

        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(id, DemandEventLog.contains("DemandExpired", 2));
        JsonNode expired = envelopes.stream().filter(e -> e.path("type").asText().equals("DemandExpired")).findFirst().orElseThrow();
        assertEquals(2, expired.path("aggregateVersion").asLong());
        assertEquals("Demand", expired.path("aggregateType").asText());
        assertEquals("EXPIRED", expired.path("payload").path("status").asText());
        assertEquals(2, expired.path("payload").path("version").asLong());
        assertEquals(1, envelopes.stream().filter(e -> e.path("type").asText().equals("DemandExpired")).count());
    }

    @Test
    void negotiatingDemandExpiresTooButOneValidUntilTodayStaysOpen() {
        String negotiating = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(negotiating, "negotiation", 1).statusCode(200);
        String lastDay = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        setValidUntil(lastDay, Demands.today());
        setValidUntil(negotiating, Demands.today().minusDays(30));

        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(negotiating).statusCode(200)
                .body("status", equalTo("EXPIRED")).body("version", equalTo(3)));
        // The run that expired the other one looked at this one too: its last valid day is today.
        Demands.get(lastDay).statusCode(200).body("status", equalTo("OPEN")).body("version", equalTo(1));
    }

    @Test
    void expiredDemandIsFinal() {
        Map<String, Object> body = Demands.validBody(Demands.newOrganisation());
        String id = Demands.createdId(body);
        setValidUntil(id, Demands.today().minusDays(2));
        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(id).body("status", equalTo("EXPIRED")));

        body.put("version", 2);
        body.put("validUntil", Demands.inDays(90));
        Demands.update(id, body).statusCode(409).contentType("application/problem+json")
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo("EXPIRED"));
        Demands.changeStatus(id, "negotiation", 2).statusCode(409).body("type", endsWith("/illegal-state"));
        Demands.changeStatus(id, "close", 2).statusCode(409).body("type", endsWith("/illegal-state"));
        Demands.get(id).body("version", equalTo(2));
    }

    private static void setValidUntil(String id, LocalDate date) {
        PostgresServer postgres = TestServers.get().postgres().orElseThrow();
        postgres.sql("demand", "update demand set valid_until = date '" + date + "' where id = '" + id + "'");
    }
}
