package io.techbridge.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.techbridge.events.AchievementPayload;
import io.techbridge.events.AmountRange;
import io.techbridge.events.DemandPayload;
import io.techbridge.events.EventEnvelope;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.deploy.local.testing.TestServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Publishes achievement and demand events as the owning services do, so matching can be tested on its own. */
final class Events {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, String> producer;

    private Events() {
    }

    static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.get().kafkaBootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                    ProducerConfig.ACKS_CONFIG, "all"));
        }
        return producer;
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A published achievement as achievement-service's events carry it ({@link AchievementPayload}). */
    static ObjectNode achievement(String id, long version, String title, String summary, List<String> keywords,
            String fieldCode, int trl) {
        Instant now = Instant.now();
        return JSON.valueToTree(new AchievementPayload(id, version, "org-test-university", "测试大学", title, summary,
                keywords, fieldCode, trl, trl <= 4 ? "EARLY" : trl <= 6 ? "PILOT" : "MATURE", List.of(), List.of(),
                List.of("LICENSE", "ASSIGNMENT"), new AmountRange(300000L, 800000L, false), false, "", "330100",
                List.of(), "PUBLISHED", null, null, now, now));
    }

    /** An open public demand as demand-service's events carry it ({@link DemandPayload}). */
    static ObjectNode demand(String id, long version, String title, String problem, List<String> keywords,
            String fieldCode, Integer minTrl) {
        Instant now = Instant.now();
        return JSON.valueToTree(new DemandPayload(id, version, "org-test-enterprise", "测试科技有限公司", title, problem, "",
                fieldCode, keywords, new AmountRange(200000L, 1000000L, false), LocalDate.now().plusDays(180), "330100",
                List.of("LICENSE"), minTrl, "PUBLIC", null, "OPEN", null, null, now, now));
    }

    static void publishAchievement(String type, ObjectNode payload) {
        publish("achievement-events", "Achievement", type, payload);
    }

    static void publishDemand(String type, ObjectNode payload) {
        publish("demand-events", "Demand", type, payload);
    }

    static void publishRaw(String topic, String key, String value) {
        try {
            producer().send(new ProducerRecord<>(topic, key, value)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** An event in the envelope the services write, on any topic. */
    static void publish(String topic, String aggregateType, String type, ObjectNode payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("eventId", newId()).put("type", type).put("aggregateType", aggregateType)
                .put("aggregateId", payload.get("id").asText()).put("aggregateVersion", payload.get("version").asLong())
                .put("occurredAt", Instant.now().toString()).put("schemaVersion", EventEnvelope.SCHEMA_VERSION).set("payload", payload);
        publishRaw(topic, payload.get("id").asText(), envelope.toString());
    }
}
