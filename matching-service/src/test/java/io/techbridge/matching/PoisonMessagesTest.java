package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.events.EventEnvelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each kind of message a consumer cannot apply is set aside on the dead-letter topic with why, and
 * the events after it are applied as if it had not been there. An event of a type this consumer
 * does not know, with a payload it can read, is no poison: within a schema version a producer may
 * add event types, and the payload carries the record's whole state (event-contracts/README.md).
 */
@QuarkusTest
@RealServers
class PoisonMessagesTest {

    /** A message that cannot be applied, and the words its dead-letter reason starts with. */
    enum Poison {
        MALFORMED_JSON("not JSON", id -> "{\"eventId\": \"" + id + "\", \"payload\": {"),
        NOT_AN_ENVELOPE("not an event envelope", id -> "[\"" + id + "\"]"),
        AGGREGATE_OF_ANOTHER_TOPIC("aggregateType 'Invoice' does not belong on this topic",
                id -> envelope(id, "Invoice", EventEnvelope.SCHEMA_VERSION, valid(id)).toString()),
        NEWER_SCHEMA_VERSION("written with schema version " + (EventEnvelope.SCHEMA_VERSION + 1),
                id -> envelope(id, "Achievement", EventEnvelope.SCHEMA_VERSION + 1, valid(id)).toString()),
        PAYLOAD_BREAKING_A_RULE("payload lacks title or status",
                id -> envelope(id, "Achievement", EventEnvelope.SCHEMA_VERSION, valid(id).putNull("title")).toString()),
        PAYLOAD_OF_ANOTHER_RECORD("payload id does not match aggregateId",
                id -> envelope(id, "Achievement", EventEnvelope.SCHEMA_VERSION, valid(Events.newId())).toString());

        final String reason;
        final Function<String, String> message;

        Poison(String reason, Function<String, String> message) {
            this.reason = reason;
            this.message = message;
        }
    }

    @ParameterizedTest
    @EnumSource(Poison.class)
    void aMessageThatCannotBeAppliedGoesToTheDeadLettersWithWhyAndTheStreamGoesOn(Poison poison) {
        String key = Events.newId();
        String message = poison.message.apply(key);
        Events.publishRaw("achievement-events", key, message);
        String after = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(after, 1, "毒消息之后照常索引的成果" + poison.ordinal(),
                "一条无法处理的消息不应挡住它之后的消息。", List.of("容错"), "05.01", 4));
        MatchingTest.awaitIndexed(after);

        // Read once the dead-letter topic surely exists (the first poison makes it).
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events.dlq")) {
            await().atMost(Api.PATIENCE).until(() -> !reader.pollKey(key).isEmpty());
            ConsumerRecord<String, String> dead = reader.pollKey(key).get(0);
            assertEquals(message, dead.value(), "set aside as it came");
            String reason = new String(dead.headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8);
            assertTrue(reason.startsWith(poison.reason), reason);
            assertEquals("achievement-events",
                    new String(dead.headers().lastHeader("dead-letter-topic").value(), StandardCharsets.UTF_8));
        }
        // Nothing of it was applied.
        Api.asBroker().when().get("/api/achievements/" + key + "/matches").then().statusCode(404);
    }

    @Test
    void anEventOfATypeThisConsumerDoesNotKnowIsAppliedByItsPayload() {
        String id = Events.newId();
        Events.publishRaw("achievement-events", id,
                envelope(id, "Achievement", EventEnvelope.SCHEMA_VERSION, valid(id), "AchievementCertified").toString());
        MatchingTest.awaitIndexed(id);
        Api.asBroker().when().get("/api/achievements/" + id + "/matches").then().statusCode(200)
                .header(io.techbridge.matching.api.MatchResource.RANKED_VERSION, equalTo("1"));
    }

    private static ObjectNode valid(String id) {
        return Events.achievement(id, 1, "膜法海水淡化能量回收装置", "压力交换式能量回收装置，回收率96%。",
                List.of("海水淡化", "能量回收"), "07", 6);
    }

    private static ObjectNode envelope(String id, String aggregateType, int schemaVersion, ObjectNode payload) {
        return envelope(id, aggregateType, schemaVersion, payload, "AchievementCreated");
    }

    private static ObjectNode envelope(String id, String aggregateType, int schemaVersion, ObjectNode payload, String type) {
        ObjectNode envelope = Events.JSON.createObjectNode();
        envelope.put("eventId", Events.newId()).put("type", type).put("aggregateType", aggregateType)
                .put("aggregateId", id).put("aggregateVersion", 1).put("occurredAt", Instant.now().toString())
                .put("schemaVersion", schemaVersion).set("payload", payload);
        return envelope;
    }
}
