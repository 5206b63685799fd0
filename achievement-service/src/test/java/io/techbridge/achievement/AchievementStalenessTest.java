package io.techbridge.achievement;

import io.techbridge.events.testing.PublishedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
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
 * A published achievement nobody changed for techbridge.staleness.after (P180D) becomes STALE by
 * itself (the test profile runs the job every second); time is moved by setting updated_at under
 * the service, which needs the servers this test run started. Its owner confirms or withdraws it.
 */
@QuarkusTest
@RealServers
class AchievementStalenessTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeEach
    void needsOwnServers() {
        assumeTrue(TestServers.get().managed(), "moving updated_at needs SQL access to the servers this run started");
    }

    @Test
    void publishedAchievementUntouchedForTheConfiguredTimeBecomesStaleWithAnEvent() {
        String stale = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        String recent = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        Map<String, Object> draftBody = Achievements.validBody(Achievements.newOrganisation());
        draftBody.put("status", "DRAFT");
        String draft = Achievements.createdId(draftBody);
        untouchedFor(stale, 181);
        untouchedFor(recent, 179);
        untouchedFor(draft, 400);

        await().atMost(PATIENCE).untilAsserted(() -> Achievements.readAsOwner(stale).statusCode(200)
                .body("status", equalTo("STALE")).body("version", equalTo(2))
                .body("statusReason", startsWith("unchanged since")));
        // The run that marked the first looked at the others too.
        Achievements.readAsOwner(recent).body("status", equalTo("PUBLISHED")).body("version", equalTo(1));
        Achievements.readAsOwner(draft).body("status", equalTo("DRAFT")).body("version", equalTo(1));

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events")) {
            await().atMost(PATIENCE).until(() -> reader.pollKey(stale).size() >= 2);
            JsonNode event = envelope(reader.pollKey(stale).get(1).value());
            assertEquals("AchievementMarkedStale", event.path("type").asText());
            assertEquals(2, event.path("aggregateVersion").asLong());
            assertEquals("STALE", event.path("payload").path("status").asText());
            assertEquals("高导热石墨烯复合散热膜制备技术", event.path("payload").path("title").asText());
        }
    }

    @Test
    void staleAchievementIsSeenOnlyByItsOwnerBrokersAndAdmins() {
        String owner = Achievements.newOrganisation();
        String id = becameStale(owner);

        Achievements.as(TestTokens.university(owner)).when().get("/api/achievements/" + id).then().statusCode(200);
        Achievements.as(TestTokens.broker()).when().get("/api/achievements/" + id).then().statusCode(200);
        Achievements.as(TestTokens.admin()).when().get("/api/achievements/" + id).then().statusCode(200);
        Achievements.as(null).when().get("/api/achievements/" + id).then().statusCode(404);
        Achievements.as(TestTokens.university(Achievements.newOrganisation())).when().get("/api/achievements/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        Achievements.as(TestTokens.enterprise(Achievements.newOrganisation())).when().get("/api/achievements/" + id)
                .then().statusCode(404);

        List<String> anonymousList = Achievements.as(null).queryParam("organisationId", owner)
                .when().get("/api/achievements").then().statusCode(200).extract().path("items.id");
        assertEquals(List.of(), anonymousList);
        Achievements.as(TestTokens.university(Achievements.newOrganisation())).queryParam("status", "STALE")
                .queryParam("organisationId", owner).when().get("/api/achievements").then().statusCode(200)
                .body("totalItems", equalTo(0));
        Achievements.as(TestTokens.university(owner)).queryParam("status", "STALE").queryParam("organisationId", owner)
                .when().get("/api/achievements").then().statusCode(200).body("items.id", hasItem(id));
        Achievements.as(TestTokens.broker()).queryParam("organisationId", owner)
                .when().get("/api/achievements").then().statusCode(200).body("items.id", hasItem(id));
    }

    @Test
    void ownerConfirmsStaleAchievementBackToPublished() {
        String owner = Achievements.newOrganisation();
        String id = becameStale(owner);

        // Not its owner: another university does not even see it; other roles may not confirm.
        confirm(id, TestTokens.university(Achievements.newOrganisation())).statusCode(404);
        confirm(id, TestTokens.broker()).statusCode(403);
        confirm(id, null).statusCode(401);
        Achievements.readAsOwner(id).body("status", equalTo("STALE"));
        // A stale achievement is confirmed (or withdrawn) before it is edited again.
        Map<String, Object> body = Achievements.validBody(owner);
        body.put("version", 2);
        Achievements.update(id, body).statusCode(409).body("type", endsWith("/illegal-state"));

        confirm(id, TestTokens.university(owner)).statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(3));
        Achievements.as(null).when().get("/api/achievements/" + id).then().statusCode(200)
                .body("status", equalTo("PUBLISHED"));
        confirm(id, TestTokens.university(owner)).statusCode(409).body("type", endsWith("/illegal-state"))
                .body("context.status", equalTo("PUBLISHED"));
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events")) {
            await().atMost(PATIENCE).until(() -> reader.pollKey(id).size() >= 3);
            JsonNode event = envelope(reader.pollKey(id).get(2).value());
            assertEquals("AchievementConfirmed", event.path("type").asText());
            assertEquals("PUBLISHED", event.path("payload").path("status").asText());
        }
    }

    @Test
    void ownerWithdrawsStaleAchievementWhichIsKept() {
        String owner = Achievements.newOrganisation();
        String id = becameStale(owner);

        Achievements.changeStatus(id, "withdraw", 2).statusCode(200).body("status", equalTo("WITHDRAWN"));
        Achievements.as(null).when().get("/api/achievements/" + id).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
        // A publish is for drafts: it does not confirm a stale achievement either.
        String other = becameStale(owner);
        Achievements.changeStatus(other, "publish", 2).statusCode(409).body("type", endsWith("/illegal-state"));
        Achievements.as(null).queryParam("organisationId", owner).when().get("/api/achievements").then()
                .statusCode(200).body("items.id", hasItem(id)).body("items.id", not(hasItem(other)));
    }

    private static String becameStale(String owner) {
        String id = Achievements.createdId(Achievements.validBody(owner));
        untouchedFor(id, 200);
        await().atMost(PATIENCE).untilAsserted(() -> Achievements.readAsOwner(id).body("status", equalTo("STALE")));
        return id;
    }

    private static io.restassured.response.ValidatableResponse confirm(String id, String token) {
        return Achievements.as(token).contentType(ContentType.JSON).body(Map.of("reason", "仍可转化"))
                .when().post("/api/achievements/" + id + "/confirm").then();
    }

    /** Moves the achievement's last change {@code days} into the past. */
    private static void untouchedFor(String id, int days) {
        PostgresServer postgres = TestServers.get().postgres().orElseThrow();
        postgres.sql("achievement", "update achievement set updated_at = now() - interval '" + days + " days' where id = '"
                + id + "'");
    }

    /** The envelope, checked against the achievement contract. */
    private static JsonNode envelope(String value) {
        return PublishedEvents.checked(value);
    }
}
