package io.techbridge.demand;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.MatchEvents;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the enterprise of a pair accepts the introduction (match-events, disclosed = true), the
 * achievement's organisation may read the demand in full, confidential text and contact included,
 * and nobody else gains anything.
 */
@QuarkusTest
@RealServers
class DisclosureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String EMAIL = "shenjg@hengyu-al.com";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void acceptedIntroductionRevealsAConfidentialDemandToTheAchievementsOrganisationOnly() {
        String enterprise = Demands.newOrganisation();
        String university = Demands.newOrganisation();
        Map<String, Object> body = Demands.validBody(enterprise);
        body.put("confidentiality", "BROKERS_ONLY");
        body.put("title", "Confidential " + enterprise + " extrusion inspection");
        String demand = Demands.createdId(body);
        String otherDemand = Demands.createdId(body);
        assertSummary(demand, TestTokens.university(university));

        MatchEvents.send(demand, MatchEvents.envelope(
                MatchEvents.pair(demand, UUID.randomUUID().toString(), enterprise, university, true)));

        await().atMost(PATIENCE).untilAsserted(() -> assertFull(demand, TestTokens.university(university)));
        // Found by its title and its owner now, in full, by every user of that organisation.
        Demands.as(TestTokens.university(university)).queryParam("q", enterprise).when().get("/api/demands").then()
                .statusCode(200).body("items.id", equalTo(List.of(demand)))
                .body("items[0].problem", equalTo(body.get("problem"))).body("items[0].contact.email", equalTo(EMAIL));
        Demands.as(TestTokens.university(university)).queryParam("organisationId", enterprise).when().get("/api/demands")
                .then().statusCode(200).body("items.id", equalTo(List.of(demand)));
        assertSummary(otherDemand, TestTokens.university(university));
        assertSummary(demand, TestTokens.university(Demands.newOrganisation()));
        assertSummary(demand, TestTokens.enterprise(Demands.newOrganisation()));
        assertSummary(demand, null);
        // Reading it in full is no right to change it.
        Demands.changeStatus(demand, "close", 1, TestTokens.university(university)).statusCode(403);
        Demands.get(demand).body("status", equalTo("OPEN"));
        assertEquals(1, disclosures(demand));
    }

    @Test
    void acceptedIntroductionRevealsThePublicDemandsContactAndARepeatIsRecordedOnce() {
        String enterprise = Demands.newOrganisation();
        String university = Demands.newOrganisation();
        String undisclosed = Demands.createdId(Demands.validBody(enterprise));
        String disclosed = Demands.createdId(Demands.validBody(enterprise));
        String accepted = MatchEvents.envelope(
                MatchEvents.pair(disclosed, UUID.randomUUID().toString(), enterprise, university, true));

        // One key, one partition: once the last is applied, the ones before it were too.
        String key = UUID.randomUUID().toString();
        MatchEvents.send(key, MatchEvents.envelope(
                MatchEvents.pair(undisclosed, UUID.randomUUID().toString(), enterprise, university, false)),
                accepted, accepted);

        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(disclosed, TestTokens.university(university))
                .statusCode(200).body("contact.email", equalTo(EMAIL)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(1, disclosures(disclosed)));
        Demands.get(undisclosed, TestTokens.university(university)).statusCode(200)
                .body("problem", equalTo(Demands.validBody(enterprise).get("problem")))
                .body("contact", nullValue()).body(not(containsString(EMAIL)));
        Demands.get(disclosed, TestTokens.enterprise(Demands.newOrganisation())).statusCode(200)
                .body("contact", nullValue()).body(not(containsString(EMAIL)));
        assertEquals(0, disclosures(undisclosed));
    }

    @Test
    void unreadableMessagesAreDeadLetteredWithTheReasonAndTheStreamGoesOn() {
        String enterprise = Demands.newOrganisation();
        String university = Demands.newOrganisation();
        String demand = Demands.createdId(Demands.validBody(enterprise));
        String key = UUID.randomUUID().toString();
        Map<String, Object> toNobody = MatchEvents.pair(demand, UUID.randomUUID().toString(), enterprise, university, true);
        toNobody.remove("achievementOrganisationId");

        MatchEvents.send(key, "{not json", MatchEvents.envelope(toNobody),
                MatchEvents.envelope(MatchEvents.pair(demand, UUID.randomUUID().toString(), enterprise, university, true)));

        await().atMost(PATIENCE).untilAsserted(() -> Demands.get(demand, TestTokens.university(university))
                .statusCode(200).body("contact.email", equalTo(EMAIL)));
        // The dead letters were sent (and acknowledged) before the message after them was applied.
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "match-events.dlq")) {
            List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE)
                    .until(() -> reader.pollKey(key), records -> records.size() >= 2);
            assertEquals(2, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertTrue(header(dead.get(0), "dead-letter-reason").startsWith("not an event envelope"));
            assertEquals("match-events", header(dead.get(0), "dead-letter-topic"));
            assertEquals("payload.achievementOrganisationId is missing", header(dead.get(1), "dead-letter-reason"));
        }
    }

    private static void assertFull(String id, String token) {
        Demands.get(id, token).statusCode(200)
                .body("title", containsString("Confidential"))
                .body("problem", equalTo(Demands.validBody("x").get("problem")))
                .body("contact.email", equalTo(EMAIL));
    }

    private static void assertSummary(String id, String token) {
        ValidatableResponse response = Demands.get(id, token).statusCode(200)
                .body("title", equalTo(DemandAuthorisationTest.GENERIC_TITLE))
                .body("problem", nullValue()).body("contact", nullValue()).body("organisationId", nullValue());
        String text = response.extract().asString();
        assertTrue(!text.contains(EMAIL) && !text.contains("Confidential"), text);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private long disclosures(String demandId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from disclosure where demand_id = ?::uuid")) {
            statement.setString(1, demandId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
