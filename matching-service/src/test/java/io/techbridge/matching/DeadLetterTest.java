package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Dead letters an operator can act on: what a consumer set aside is counted, listed and read
 * through the API, replayed on its source topic once (again only when asked), the replay recorded,
 * and the count is a metric. Against the real Kafka, PostgreSQL and Elasticsearch of the test run.
 */
@QuarkusTest
@RealServers
class DeadLetterTest {

    private static final String BASE = "/api/admin/dead-letters";

    @Test
    void aPoisonMessageIsListedUnderItsDeadLetterTopicWithTheReasonAndWhereItCameFrom() {
        String key = "poison-" + Events.newId();
        Events.publishRaw("achievement-events", key, "{this is not an event");

        JsonPath letter = awaitListed("achievement-events.dlq", key);
        assertTrue(letter.getString("reason").startsWith("not JSON"), letter.getString("reason"));
        assertEquals("achievement-events", letter.getString("sourceTopic"));
        assertNotNull(letter.get("sourcePartition"));
        assertNotNull(letter.get("sourceOffset"));
        assertNotNull(letter.get("timestamp"));
        assertEquals("{this is not an event", letter.getString("value"));
        assertEquals(false, letter.getBoolean("valueTruncated"));
        assertEquals(false, letter.getBoolean("replayed"));

        Api.asAdmin().when().get(path(letter)).then().statusCode(200)
                .body("key", equalTo(key)).body("value", equalTo("{this is not an event"))
                .body("reason", startsWith("not JSON")).body("replays", hasSize(0)).body("replayedAt", nullValue());
    }

    @Test
    void aReplayPublishesTheMessageOnItsSourceTopicWithWhereItCameFromAndIsRecordedOnce() {
        String key = "poison-" + Events.newId();
        Events.publishRaw("achievement-events", key, "{replay me");
        JsonPath letter = awaitListed("achievement-events.dlq", key);
        String from = "achievement-events.dlq/" + letter.getInt("partition") + "/" + letter.getLong("offset");

        JsonPath replayed = Api.asAdmin().when().post(path(letter) + "/replay").then().statusCode(200)
                .body("replayed", equalTo(true))
                .body("replayedBy", equalTo(Api.loginName(TestTokens.admin())))
                .body("replayedAt", notNullValue())
                .body("replays", hasSize(1))
                .body("replays[0].sourceTopic", equalTo("achievement-events"))
                .extract().jsonPath();
        long sourceOffset = replayed.getLong("replays[0].sourceOffset");
        int sourcePartition = replayed.getInt("replays[0].sourcePartition");

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events")) {
            List<ConsumerRecord<String, String>> copies = await().atMost(Api.PATIENCE)
                    .until(() -> reader.pollKey(key).stream().filter(r -> header(r, "dead-letter-replayed-from") != null).toList(),
                            list -> !list.isEmpty());
            assertEquals(1, copies.size(), "one replay, one copy");
            ConsumerRecord<String, String> copy = copies.getFirst();
            assertEquals("{replay me", copy.value());
            assertEquals(from, header(copy, "dead-letter-replayed-from"));
            assertEquals(sourceOffset, copy.offset(), "the recorded offset is the one it got");
            assertEquals(sourcePartition, copy.partition());
            assertEquals(null, header(copy, "dead-letter-reason"), "the dead-letter headers stay behind");
        }

        // The replay is in the database: a later read shows it; a second replay is refused.
        Api.asAdmin().when().get(path(letter)).then().statusCode(200).body("replays", hasSize(1))
                .body("replays[0].sourceOffset", equalTo((int) sourceOffset));
        Api.asAdmin().when().post(path(letter) + "/replay").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("https://techbridge.io/problems/already-replayed"));
        Api.asAdmin().queryParam("again", "true").when().post(path(letter) + "/replay").then().statusCode(200)
                .body("replays", hasSize(2));
    }

    @Test
    void replayAllReplaysOnlyTheMessagesNeverReplayedAndTheEventsAreAppliedAfterAll() {
        // Three demand events a consumer once set aside (as before a fix), straight onto the dead-letter topic.
        List<String> ids = List.of(Events.newId(), Events.newId(), Events.newId());
        for (String id : ids) {
            ObjectNode demand = Events.demand(id, 1, "死信重放后的需求：钠离子电池正极材料",
                    "需要低成本钠离子电池层状氧化物正极材料，循环寿命2000次以上。", List.of("钠离子电池", "正极材料"), "04.02", 5);
            sendDeadLetter("demand-events.dlq", id, envelope(demand), "payload breaks a rule (before the fix)");
        }
        JsonPath first = awaitListed("demand-events.dlq", ids.get(0));
        ids.forEach(id -> awaitListed("demand-events.dlq", id));
        Api.asAdmin().when().post(path(first) + "/replay").then().statusCode(200);

        Api.asAdmin().when().post(BASE + "/demand-events.dlq/replay").then().statusCode(200)
                .body("topic", equalTo("demand-events.dlq")).body("replayed", equalTo(2)).body("alreadyReplayed", equalTo(1));
        Api.asAdmin().when().post(BASE + "/demand-events.dlq/replay").then().statusCode(200)
                .body("replayed", equalTo(0)).body("alreadyReplayed", equalTo(3));

        for (String id : ids) {
            Api.asAdmin().when().get(path(awaitListed("demand-events.dlq", id))).then().body("replays", hasSize(1));
        }
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "demand-events")) {
            List<ConsumerRecord<String, String>> all = reader.pollToEnd();
            for (String id : ids) {
                assertEquals(1, all.stream().filter(r -> id.equals(r.key())).count(), "each replayed exactly once: " + id);
            }
        }
        // Applied by the consumer like any event: each demand is indexed and can be ranked.
        for (String id : ids) {
            await().atMost(Api.PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + id + "/matches")
                    .then().statusCode(200));
        }
        Api.asAdmin().when().get(BASE).then().statusCode(200)
                .body("topics.find { it.topic == 'demand-events.dlq' }.notReplayed", equalTo(0));
    }

    @Test
    void everyDeadLetterTopicOfThePlatformIsCountedAlsoBeforeItExists() {
        JsonPath topics = Api.asAdmin().when().get(BASE).then().statusCode(200)
                .body("topics.topic", hasItems("achievement-events.dlq", "demand-events.dlq", "challenge-events.dlq",
                        "match-events.dlq", "invitation-events.dlq", "import-events.dlq"))
                .body("topics", hasSize(6))
                .extract().jsonPath();
        for (Map<String, Object> topic : topics.<Map<String, Object>>getList("topics")) {
            String name = (String) topic.get("topic");
            assertEquals(name.substring(0, name.length() - 4), topic.get("sourceTopic"));
            if (!(Boolean) topic.get("exists")) {
                assertEquals(0, topic.get("total"), name);
                assertEquals(0, topic.get("notReplayed"), name);
            }
        }
    }

    @Test
    void aLongValueIsCutInTheListingAndWholeWhenReadAlone() {
        String key = "long-" + Events.newId();
        String value = "{\"text\": \"" + "长".repeat(30_000) + "\"}"; // 90 KB in UTF-8
        sendDeadLetter("challenge-events.dlq", key, value, "too long to read");
        JsonPath letter = awaitListed("challenge-events.dlq", key);
        assertEquals(true, letter.getBoolean("valueTruncated"));
        assertTrue(letter.getString("value").getBytes(StandardCharsets.UTF_8).length <= 64 * 1024);
        assertEquals(value.getBytes(StandardCharsets.UTF_8).length, letter.getInt("valueBytes"));
        Api.asAdmin().when().get(path(letter)).then().statusCode(200)
                .body("valueTruncated", equalTo(false)).body("value", equalTo(value));
    }

    @Test
    void onlyAnAdminMayReadOrReplayDeadLetters() {
        List<String[]> calls = List.of(new String[] {"GET", BASE}, new String[] {"GET", BASE + "/achievement-events.dlq"},
                new String[] {"GET", BASE + "/achievement-events.dlq/0/0"},
                new String[] {"POST", BASE + "/achievement-events.dlq/0/0/replay"},
                new String[] {"POST", BASE + "/achievement-events.dlq/replay"});
        for (String[] call : calls) {
            for (String token : new String[] {TestTokens.university("org-dlq-university"), TestTokens.broker(),
                    TestTokens.enterprise("org-dlq-enterprise")}) {
                send(token, call).then().statusCode(403).contentType("application/problem+json");
            }
            send(null, call).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void aBadPartitionOrOffsetIsA400NamingItAndAnUnknownTopicOrMessageA404() {
        Api.asAdmin().when().get(BASE + "/achievement-events.dlq/0/minus-one").then().statusCode(400)
                .contentType("application/problem+json").body("violations[0].field", equalTo("offset"))
                .body("violations[0].in", equalTo("path"));
        Api.asAdmin().when().post(BASE + "/achievement-events.dlq/-1/0/replay").then().statusCode(400)
                .body("violations[0].field", equalTo("partition"));
        Api.asAdmin().queryParam("again", "maybe").when().post(BASE + "/achievement-events.dlq/0/0/replay").then()
                .statusCode(400).body("violations[0].field", equalTo("again"));
        Api.asAdmin().queryParam("size", 0).when().get(BASE + "/achievement-events.dlq").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        for (String notOurs : List.of("achievement-events", "other-events.dlq", "__consumer_offsets")) {
            Api.asAdmin().when().get(BASE + "/" + notOurs).then().statusCode(404).contentType("application/problem+json");
            Api.asAdmin().when().post(BASE + "/" + notOurs + "/replay").then().statusCode(404);
        }
        Api.asAdmin().when().get(BASE + "/achievement-events.dlq/0/999999999").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asAdmin().when().get(BASE + "/achievement-events.dlq/999/0").then().statusCode(404);
    }

    @Test
    void theGaugeShowsTheMessagesNeverReplayedPerTopic() {
        String key = "poison-" + Events.newId();
        Events.publishRaw("achievement-events", key, "[1, 2");
        awaitListed("achievement-events.dlq", key);
        Pattern line = Pattern.compile("(?m)^techbridge_dead_letters\\{[^}]*topic=\"achievement-events\\.dlq\"[^}]*} ([0-9.E+]+)$");
        await().atMost(Api.PATIENCE).untilAsserted(() -> {
            long expected = Api.asAdmin().when().get(BASE).then().extract().jsonPath()
                    .getLong("topics.find { it.topic == 'achievement-events.dlq' }.notReplayed");
            String metrics = Api.as(null).when().get("/q/metrics").then().statusCode(200).extract().asString();
            Matcher m = line.matcher(metrics);
            assertTrue(m.find(), "techbridge_dead_letters for achievement-events.dlq in /q/metrics");
            assertTrue(expected >= 1);
            assertEquals(expected, (long) Double.parseDouble(m.group(1)));
        });
        assertTrue(Api.as(null).when().get("/q/metrics").then().extract().asString()
                .contains("techbridge_dead_letters{topic=\"invitation-events.dlq\"}"), "a gauge also for a topic with none");
    }

    // --- helpers -----------------------------------------------------------------------------

    /** The listed message with this key, once the dead-letter topic has it. */
    private static JsonPath awaitListed(String topic, String key) {
        Map<String, Object> item = await().atMost(Api.PATIENCE).until(() -> Api.asAdmin().queryParam("size", 100)
                .when().get(BASE + "/" + topic).then().statusCode(200).extract().jsonPath()
                .<Map<String, Object>>getList("items").stream().filter(i -> key.equals(i.get("key"))).findFirst().orElse(null),
                found -> found != null);
        return JsonPath.from(Events.JSON.valueToTree(item).toString());
    }

    private static String path(JsonPath letter) {
        return BASE + "/" + letter.getString("topic") + "/" + letter.getInt("partition") + "/" + letter.getLong("offset");
    }

    private static io.restassured.response.Response send(String token, String[] call) {
        return call[0].equals("GET") ? Api.as(token).when().get(call[1]) : Api.as(token).when().post(call[1]);
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** A message as a consumer sets it aside (service-commons DeadLetters), written straight onto the topic. */
    private static void sendDeadLetter(String dlqTopic, String key, String value, String reason) {
        String source = dlqTopic.substring(0, dlqTopic.length() - 4);
        ProducerRecord<String, String> record = new ProducerRecord<>(dlqTopic, key, value);
        record.headers().add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-topic", source.getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-partition", "0".getBytes(StandardCharsets.UTF_8))
                .add("dead-letter-offset", "41".getBytes(StandardCharsets.UTF_8));
        try {
            Events.producer().send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String envelope(ObjectNode payload) {
        ObjectNode envelope = Events.JSON.createObjectNode();
        envelope.put("eventId", Events.newId()).put("type", "DemandCreated").put("aggregateType", "Demand")
                .put("aggregateId", payload.get("id").asText()).put("aggregateVersion", payload.get("version").asLong())
                .put("occurredAt", Instant.now().toString()).put("schemaVersion", EventEnvelope.SCHEMA_VERSION)
                .set("payload", payload);
        return envelope.toString();
    }
}
