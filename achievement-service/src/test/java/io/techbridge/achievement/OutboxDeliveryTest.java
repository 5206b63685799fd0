package io.techbridge.achievement;

import io.techbridge.events.testing.PublishedEvents;
import io.techbridge.events.AchievementPayload;
import io.techbridge.events.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.commons.outbox.OutboxRelay;
import jakarta.inject.Inject;
import io.techbridge.deploy.local.KafkaServer;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every change reaches achievement-events through the outbox, in order per achievement, even across a Kafka outage. */
@QuarkusTest
@RealServers
class OutboxDeliveryTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TOPIC = "achievement-events";

    @Test
    void eachChangePublishesTheFullStateInOrderKeyedByAchievement() {
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String id = Achievements.createdId(body);
        body.put("version", 1);
        body.put("title", "更新后的成果名称");
        Achievements.update(id, body).statusCode(200);
        Achievements.changeStatus(id, "withdraw", 2).statusCode(200);

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.pollKey(id).size() >= 3);
            List<JsonNode> events = reader.pollKey(id).stream().map(OutboxDeliveryTest::envelope).toList();

            assertEquals(List.of("AchievementCreated", "AchievementUpdated", "AchievementWithdrawn"),
                    events.stream().map(e -> e.get("type").asText()).toList());
            assertEquals(List.of(1L, 2L, 3L), events.stream().map(e -> e.get("aggregateVersion").asLong()).toList());
            JsonNode updated = events.get(1);
            assertEquals("Achievement", updated.get("aggregateType").asText());
            assertEquals(id, updated.get("aggregateId").asText());
            assertEquals(EventEnvelope.SCHEMA_VERSION, updated.get("schemaVersion").asInt());
            assertEquals(36, updated.get("eventId").asText().length());
            assertEquals("更新后的成果名称", updated.get("payload").get("title").asText());
            assertEquals(2, updated.get("payload").get("version").asInt());
            assertEquals("WITHDRAWN", events.get(2).get("payload").get("status").asText());
            // Each reads as the achievement contract, member for member, without the contact.
            for (JsonNode event : events) {
                AchievementPayload payload = (AchievementPayload) PublishedEvents.payloadOf(event);
                assertEquals(id, payload.id());
            }
            assertEquals("更新后的成果名称", ((AchievementPayload) PublishedEvents.payloadOf(updated)).title());
        }
    }

    @Test
    void changesMadeWhileKafkaIsDownArriveCompleteAndInOrderOnceItIsBack() {
        TestServers servers = TestServers.get();
        Assumptions.assumeTrue(servers.managed(), "needs a Kafka broker this test run may stop");
        KafkaServer kafka = servers.kafka().orElseThrow();

        Map<String, Integer> expectedVersions = new LinkedHashMap<>();
        kafka.stop();
        try {
            for (int i = 0; i < 4; i++) {
                Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
                body.put("title", "停机期间登记的成果 " + i);
                String id = Achievements.createdId(body);
                for (int version = 1; version <= 2; version++) {
                    body.put("version", version);
                    body.put("summary", "停机期间第 " + version + " 次修改");
                    Achievements.update(id, body).statusCode(200);
                }
                expectedVersions.put(id, 3);
            }
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> given().when().get("/q/metrics").then()
                    .body(containsString("techbridge_outbox_backlog")).body(org.hamcrest.Matchers.not(
                            containsString("techbridge_outbox_backlog 0.0"))));
        } finally {
            kafka.start();
            kafka.awaitReady(Duration.ofMinutes(2));
        }

        try (TopicReader reader = new TopicReader(servers.kafkaBootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(120)).until(() -> expectedVersions.keySet().stream()
                    .allMatch(id -> distinctVersions(reader.pollKey(id)).size() == 3));
            for (String id : expectedVersions.keySet()) {
                // At-least-once delivery may repeat an event, never skip or reorder one.
                assertEquals(List.of(1L, 2L, 3L), distinctVersions(reader.pollKey(id)), "versions of " + id);
                assertInOrder(reader.pollKey(id));
            }
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/metrics").then()
                .body(containsString("techbridge_outbox_backlog 0.0")));
    }

    @Inject
    OutboxRelay relay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEventKafkaTookButTheRelayCouldNotMarkIsNotSentAgain() throws Exception {
        // What the fault drill (deploy/local/drill) found: the service or its database killed between Kafka's
        // acknowledgement and the commit of the mark, and the event went on the topic twice after the restart.
        Map<String, Object> body = Achievements.validBody(Achievements.newOrganisation());
        String id = Achievements.createdId(body);
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), TOPIC)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.pollKey(id).size() == 1);
            await().atMost(Duration.ofSeconds(30)).until(() -> unmarked(id) == 0);
            // As after such a crash: the event on the topic, its row not marked, and a relay that has just started.
            try (Connection connection = dataSource.getConnection(); PreparedStatement unmark = connection.prepareStatement(
                    "UPDATE outbox_event SET published_at = NULL WHERE aggregate_id = ?")) {
                unmark.setString(1, id);
                assertEquals(1, unmark.executeUpdate());
            }
            relay.assumeUncertain();
            await().atMost(Duration.ofSeconds(60)).until(() -> unmarked(id) == 0);
            // A later change is still relayed as usual.
            body.put("version", 1);
            body.put("summary", "崩溃之后的修改");
            Achievements.update(id, body).statusCode(200);
            await().atMost(Duration.ofSeconds(60)).until(() -> reader.pollKey(id).size() >= 2);
            reader.pollToEnd();
            assertEquals(List.of(1L, 2L), reader.pollKey(id).stream()
                    .map(r -> envelope(r).get("aggregateVersion").asLong()).toList());
        }
    }

    private long unmarked(String id) throws java.sql.SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(
                "SELECT count(*) FROM outbox_event WHERE aggregate_id = ? AND published_at IS NULL")) {
            count.setString(1, id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static List<Long> distinctVersions(List<ConsumerRecord<String, String>> records) {
        List<Long> versions = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        for (ConsumerRecord<String, String> record : records) {
            long version = envelope(record).get("aggregateVersion").asLong();
            if (seen.add(version)) {
                versions.add(version);
            }
        }
        return versions;
    }

    /** Each record's version is at most one past the highest seen before it: nothing overtakes its predecessor. */
    private static void assertInOrder(List<ConsumerRecord<String, String>> records) {
        long highest = 0;
        for (ConsumerRecord<String, String> record : records) {
            long version = envelope(record).get("aggregateVersion").asLong();
            if (version > highest + 1) {
                throw new AssertionError("version " + version + " arrived before version " + (highest + 1));
            }
            highest = Math.max(highest, version);
        }
    }

    /** The envelope, checked against the achievement contract. */
    private static JsonNode envelope(ConsumerRecord<String, String> record) {
        return PublishedEvents.checked(record.value());
    }
}
