package io.techbridge.achievement;

import io.techbridge.events.testing.PublishedEvents;
import io.techbridge.events.AchievementPayload;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A broker merges a duplicate into the achievement it repeats; nobody else may, and only into a live other one. */
@QuarkusTest
@RealServers
class AchievementMergeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void brokerMergesDuplicateWhichIsWithdrawnWithMergedIntoAndAnEvent() {
        String original = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        String duplicate = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));

        merge(duplicate, original, TestTokens.broker()).statusCode(200)
                .body("status", equalTo("WITHDRAWN"))
                .body("mergedInto", equalTo(original))
                .body("statusReason", equalTo("同一成果重复登记"))
                .body("version", equalTo(2));
        Achievements.as(null).when().get("/api/achievements/" + duplicate).then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("mergedInto", equalTo(original));
        Achievements.as(null).when().get("/api/achievements/" + original).then().statusCode(200)
                .body("status", equalTo("PUBLISHED")).body("version", equalTo(1));

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events")) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.pollKey(duplicate).size() >= 2);
            JsonNode merged = envelope(reader.pollKey(duplicate).get(1).value());
            assertEquals("AchievementMerged", merged.path("type").asText());
            assertEquals(2, merged.path("aggregateVersion").asLong());
            assertEquals("WITHDRAWN", merged.path("payload").path("status").asText());
            assertEquals(original, merged.path("payload").path("mergedInto").asText());
            // The achievement as its contract says, without the contact.
            assertEquals(original, ((AchievementPayload) PublishedEvents.payloadOf(merged)).mergedInto());
        }
    }

    @Test
    void onlyBrokersMerge() {
        String ownerOrganisation = Achievements.newOrganisation();
        String original = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        String duplicate = Achievements.createdId(Achievements.validBody(ownerOrganisation));

        merge(duplicate, original, null).statusCode(401).contentType("application/problem+json");
        merge(duplicate, original, TestTokens.university(ownerOrganisation)).statusCode(403)
                .contentType("application/problem+json").body("type", endsWith("/forbidden"));
        merge(duplicate, original, TestTokens.university(Achievements.newOrganisation())).statusCode(403);
        merge(duplicate, original, TestTokens.enterprise(Achievements.newOrganisation())).statusCode(403);
        merge(duplicate, original, TestTokens.admin()).statusCode(403);
        Achievements.readAsOwner(duplicate).body("status", equalTo("PUBLISHED")).body("version", equalTo(1));
    }

    @Test
    void mergeOnlyIntoAnotherLiveAchievement() {
        String duplicate = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        String withdrawn = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        Achievements.changeStatus(withdrawn, "withdraw", 1).statusCode(200);
        String broker = TestTokens.broker();

        merge(duplicate, duplicate, broker).statusCode(400).body("violations[0].field", equalTo("intoId"))
                .body("violations[0].rule", equalTo("NotSelf"));
        merge(duplicate, withdrawn, broker).statusCode(409).body("type", endsWith("/illegal-state"))
                .body("context.status", equalTo("WITHDRAWN"));
        merge(duplicate, UUID.randomUUID().toString(), broker).statusCode(400)
                .body("violations[0].field", equalTo("intoId")).body("violations[0].rule", equalTo("Exists"));
        Achievements.as(broker).contentType(ContentType.JSON).body(Map.of("intoId", withdrawn))
                .when().post("/api/achievements/" + duplicate + "/merge").then()
                .statusCode(400).body("violations[0].field", equalTo("reason"));
        merge(UUID.randomUUID().toString(), duplicate, broker).statusCode(404);

        // A withdrawn achievement cannot be merged (again).
        String original = Achievements.createdId(Achievements.validBody(Achievements.newOrganisation()));
        merge(duplicate, original, broker).statusCode(200);
        merge(duplicate, original, broker).statusCode(409).body("type", endsWith("/illegal-state"));
        merge(withdrawn, original, broker).statusCode(409);
        Achievements.readAsOwner(duplicate).body("version", equalTo(2));
    }

    private static ValidatableResponse merge(String id, String intoId, String token) {
        return Achievements.as(token).contentType(ContentType.JSON)
                .body(Map.of("intoId", intoId, "reason", "同一成果重复登记"))
                .when().post("/api/achievements/" + id + "/merge").then();
    }

    /** The envelope, checked against the achievement contract. */
    private static JsonNode envelope(String value) {
        return PublishedEvents.checked(value);
    }
}
