package io.techbridge.demand;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * An open demand nobody changed for techbridge.staleness.after (P180D) becomes STALE by itself (the
 * test profile runs the job every second); its owner confirms, renews or closes it. An expired
 * demand is renewed by its owner. Time is moved by setting updated_at / valid_until under the
 * service, which needs the servers this test run started.
 */
@QuarkusTest
@RealServers
class DemandStalenessAndRenewalTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @BeforeEach
    void needsOwnServers() {
        assumeTrue(TestServers.get().managed(), "moving time needs SQL access to the servers this run started");
    }

    @Test
    void openDemandUntouchedForTheConfiguredTimeBecomesStaleWithAnEvent() {
        String stale = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        String recent = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        String negotiating = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        Demands.changeStatus(negotiating, "negotiation", 1).statusCode(200);
        sql("update demand set updated_at = now() - interval '181 days' where id = '" + stale + "'");
        sql("update demand set updated_at = now() - interval '179 days' where id = '" + recent + "'");
        sql("update demand set updated_at = now() - interval '400 days' where id = '" + negotiating + "'");

        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(stale).statusCode(200)
                .body("status", equalTo("STALE")).body("version", equalTo(2))
                .body("statusReason", startsWith("unchanged since")));
        Demands.get(recent).body("status", equalTo("OPEN")).body("version", equalTo(1));
        Demands.get(negotiating).body("status", equalTo("IN_NEGOTIATION")).body("version", equalTo(2));

        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(stale, DemandEventLog.contains("DemandMarkedStale", 2));
        JsonNode event = envelopes.stream().filter(e -> e.path("type").asText().equals("DemandMarkedStale")).findFirst().orElseThrow();
        assertEquals("STALE", event.path("payload").path("status").asText());
        assertEquals("建筑及工业铝型材表面瑕疵在线自动识别与分级", event.path("payload").path("title").asText());
    }

    @Test
    void staleDemandIsSeenOnlyByItsOwnerBrokersAndAdmins() {
        String owner = Demands.newOrganisation();
        String id = becameStale(owner);

        Demands.get(id, TestTokens.enterprise(owner)).statusCode(200);
        Demands.get(id, TestTokens.broker()).statusCode(200);
        Demands.get(id, TestTokens.admin()).statusCode(200);
        Demands.get(id, null).statusCode(404).contentType("application/problem+json");
        Demands.get(id, TestTokens.enterprise(Demands.newOrganisation())).statusCode(404);
        Demands.get(id, TestTokens.university(Demands.newOrganisation())).statusCode(404);

        Demands.as(null).queryParam("status", "STALE").when().get("/api/demands").then().statusCode(200)
                .body("items.id", not(hasItem(id)));
        Demands.as(TestTokens.enterprise(Demands.newOrganisation())).queryParam("organisationId", owner)
                .when().get("/api/demands").then().statusCode(200).body("totalItems", equalTo(0));
        assertEquals(List.of(id), Demands.idsOf(owner, Map.of("status", "STALE")));
        Demands.as(TestTokens.broker()).queryParam("organisationId", owner).when().get("/api/demands").then()
                .statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void ownerConfirmsStaleDemandBackToOpen() {
        String owner = Demands.newOrganisation();
        String id = becameStale(owner);

        confirm(id, TestTokens.enterprise(Demands.newOrganisation())).statusCode(404);
        confirm(id, TestTokens.broker()).statusCode(403);
        confirm(id, null).statusCode(401);
        Demands.changeStatus(id, "negotiation", 2).statusCode(409).body("type", endsWith("/illegal-state"));

        confirm(id, TestTokens.enterprise(owner)).statusCode(200).body("status", equalTo("OPEN")).body("version", equalTo(3));
        Demands.get(id, null).statusCode(200).body("status", equalTo("OPEN"));
        confirm(id, TestTokens.enterprise(owner)).statusCode(409).body("context.status", equalTo("OPEN"));
        DemandEventLog.awaitEnvelopes(id, DemandEventLog.contains("DemandConfirmed", 3));
    }

    @Test
    void ownerClosesStaleDemandWhichIsKept() {
        String id = becameStale(Demands.newOrganisation());
        Demands.changeStatus(id, "close", 2).statusCode(200).body("status", equalTo("CLOSED"));
        Demands.get(id, null).statusCode(200).body("status", equalTo("CLOSED"));
    }

    @Test
    void ownerRenewsExpiredDemandBackToOpenWithTheNewDate() {
        String owner = Demands.newOrganisation();
        String id = becameExpired(owner);
        String validUntil = Demands.inDays(120);

        renew(id, validUntil, TestTokens.enterprise(owner)).statusCode(200)
                .body("status", equalTo("OPEN")).body("validUntil", equalTo(validUntil))
                .body("statusReason", equalTo("继续征集")).body("version", equalTo(3));
        List<JsonNode> envelopes = DemandEventLog.awaitEnvelopes(id, DemandEventLog.contains("DemandRenewed", 3));
        JsonNode renewed = envelopes.stream().filter(e -> e.path("type").asText().equals("DemandRenewed")).findFirst().orElseThrow();
        assertEquals("OPEN", renewed.path("payload").path("status").asText());
        assertEquals(validUntil, renewed.path("payload").path("validUntil").asText());
        // It stays open: the expiry job does not take it back.
        Demands.get(id).body("status", equalTo("OPEN"));
    }

    @Test
    void ownerRenewsStaleDemand() {
        String owner = Demands.newOrganisation();
        String id = becameStale(owner);
        renew(id, Demands.inDays(300), TestTokens.enterprise(owner)).statusCode(200).body("status", equalTo("OPEN"));
        Demands.get(id, null).statusCode(200);
    }

    @Test
    void renewalIsRefusedToOthersForLiveDemandsAndForDatesNotAhead() {
        String owner = Demands.newOrganisation();
        String expired = becameExpired(owner);
        String open = Demands.createdId(Demands.validBody(owner));

        renew(expired, Demands.inDays(30), TestTokens.enterprise(Demands.newOrganisation())).statusCode(403)
                .contentType("application/problem+json");
        renew(expired, Demands.inDays(30), TestTokens.university(owner)).statusCode(403);
        renew(expired, Demands.inDays(30), TestTokens.broker()).statusCode(403);
        renew(expired, Demands.inDays(30), null).statusCode(401);
        renew(open, Demands.inDays(30), TestTokens.enterprise(owner)).statusCode(409)
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo("OPEN"));
        renew(expired, Demands.today().minusDays(1).toString(), TestTokens.enterprise(owner)).statusCode(400)
                .body("violations[0].field", equalTo("validUntil")).body("violations[0].rule", equalTo("Future"));
        renew(expired, Demands.today().toString(), TestTokens.enterprise(owner)).statusCode(400)
                .body("violations[0].rule", equalTo("Future"));
        renew(expired, Demands.today().plusYears(2).plusDays(1).toString(), TestTokens.enterprise(owner)).statusCode(400)
                .body("violations[0].field", equalTo("validUntil")).body("violations[0].rule", equalTo("MaxValidity"));
        Demands.as(TestTokens.enterprise(owner)).contentType(ContentType.JSON).body(Map.of("reason", "x"))
                .when().post("/api/demands/" + expired + "/renewal").then().statusCode(400)
                .body("violations[0].field", equalTo("validUntil"));
        Demands.get(expired).body("status", equalTo("EXPIRED")).body("version", equalTo(2));
    }

    private static String becameStale(String owner) {
        String id = Demands.createdId(Demands.validBody(owner));
        sql("update demand set updated_at = now() - interval '200 days' where id = '" + id + "'");
        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(id).body("status", equalTo("STALE")));
        return id;
    }

    private static String becameExpired(String owner) {
        String id = Demands.createdId(Demands.validBody(owner));
        sql("update demand set valid_until = date '" + Demands.today().minusDays(3) + "' where id = '" + id + "'");
        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(id).body("status", equalTo("EXPIRED")));
        return id;
    }

    private static ValidatableResponse confirm(String id, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(Map.of("reason", "仍在征集"))
                .when().post("/api/demands/" + id + "/confirm").then();
    }

    private static ValidatableResponse renew(String id, String validUntil, String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("validUntil", validUntil);
        body.put("reason", "继续征集");
        return Demands.as(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/demands/" + id + "/renewal").then();
    }

    private static void sql(String statement) {
        PostgresServer postgres = TestServers.get().postgres().orElseThrow();
        postgres.sql("demand", statement);
    }
}
