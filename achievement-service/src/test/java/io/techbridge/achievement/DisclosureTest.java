package io.techbridge.achievement;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
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
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When the enterprise of a pair accepts the introduction (match-events, disclosed = true), the
 * demand's organisation may see the achievement's contact, and nobody else gains anything.
 */
@QuarkusTest
@RealServers
class DisclosureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void acceptedIntroductionRevealsTheContactToTheDemandsOrganisationOnly() {
        String university = Achievements.newOrganisation();
        String enterprise = Achievements.newOrganisation();
        String otherEnterprise = Achievements.newOrganisation();
        String achievement = Achievements.createdId(Achievements.validBody(university));
        String notPaired = Achievements.createdId(Achievements.validBody(university));
        String demand = UUID.randomUUID().toString();
        assertContact(achievement, TestTokens.enterprise(enterprise), false);

        MatchEvents.send(demand, MatchEvents.envelope(MatchEvents.pair(demand, achievement, enterprise, university, true)));

        await().atMost(PATIENCE).untilAsserted(() -> assertContact(achievement, TestTokens.enterprise(enterprise), true));
        // Every user of that organisation, in the listing too.
        Achievements.as(TestTokens.enterprise(enterprise)).queryParam("organisationId", university)
                .when().get("/api/achievements").then().statusCode(200)
                .body("items.find { it.id == '" + achievement + "' }.contact.email", equalTo("tto@example.edu.cn"))
                .body("items.find { it.id == '" + notPaired + "' }.contact", nullValue());
        assertContact(notPaired, TestTokens.enterprise(enterprise), false);
        assertContact(achievement, TestTokens.enterprise(otherEnterprise), false);
        assertContact(achievement, TestTokens.university(Achievements.newOrganisation()), false);
        assertContact(achievement, null, false);
        // Seeing the contact is no right to change the record.
        Achievements.changeStatus(achievement, "withdraw", 1, TestTokens.enterprise(enterprise)).statusCode(403);
        assertEquals(1, disclosures(achievement));
    }

    @Test
    void pairNotYetDisclosedRevealsNothingAndARepeatedDisclosureIsRecordedOnce() {
        String university = Achievements.newOrganisation();
        String enterprise = Achievements.newOrganisation();
        String undisclosed = Achievements.createdId(Achievements.validBody(university));
        String disclosed = Achievements.createdId(Achievements.validBody(university));
        String demand = UUID.randomUUID().toString();
        String accepted = MatchEvents.envelope(MatchEvents.pair(demand, disclosed, enterprise, university, true));

        // One key, one partition: once the last is applied, the ones before it were too.
        MatchEvents.send(demand,
                MatchEvents.envelope(MatchEvents.pair(demand, undisclosed, enterprise, university, false)),
                accepted, accepted);

        await().atMost(PATIENCE).untilAsserted(() -> assertContact(disclosed, TestTokens.enterprise(enterprise), true));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertEquals(1, disclosures(disclosed)));
        assertContact(undisclosed, TestTokens.enterprise(enterprise), false);
        assertEquals(0, disclosures(undisclosed));
    }

    @Test
    void unreadableMessagesAreDeadLetteredWithTheReasonAndTheStreamGoesOn() {
        String university = Achievements.newOrganisation();
        String enterprise = Achievements.newOrganisation();
        String achievement = Achievements.createdId(Achievements.validBody(university));
        String key = UUID.randomUUID().toString();
        Map<String, Object> withoutAchievement = MatchEvents.pair(key, achievement, enterprise, university, true);
        withoutAchievement.remove("achievementId");

        MatchEvents.send(key, "{not json", MatchEvents.envelope(withoutAchievement),
                MatchEvents.envelope(MatchEvents.pair(key, achievement, enterprise, university, true)));

        await().atMost(PATIENCE).untilAsserted(() -> assertContact(achievement, TestTokens.enterprise(enterprise), true));
        // The dead letters were sent (and acknowledged) before the message after them was applied.
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "match-events.dlq")) {
            List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE)
                    .until(() -> reader.pollKey(key), records -> records.size() >= 2);
            assertEquals(2, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertTrue(header(dead.get(0), "dead-letter-reason").startsWith("not an event envelope"));
            assertEquals("match-events", header(dead.get(0), "dead-letter-topic"));
            assertEquals("payload.achievementId is missing", header(dead.get(1), "dead-letter-reason"));
        }
    }

    private static void assertContact(String id, String token, boolean visible) {
        var response = Achievements.as(token).when().get("/api/achievements/" + id).then().statusCode(200);
        if (visible) {
            response.body("contact.email", equalTo("tto@example.edu.cn")).body("contact.name", notNullValue());
        } else {
            response.body("contact", nullValue()).body(org.hamcrest.Matchers.not(containsString("tto@example.edu.cn")));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    private long disclosures(String achievementId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from disclosure where achievement_id = ?::uuid")) {
            statement.setString(1, achievementId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
