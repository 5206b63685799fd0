package io.techbridge.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
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

    static final ObjectMapper JSON = new ObjectMapper();
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

    static ObjectNode achievement(String id, long version, String title, String summary, List<String> keywords,
            String fieldCode, int trl) {
        ObjectNode a = JSON.createObjectNode();
        a.put("id", id).put("version", version).put("organisationId", "org-test-university").put("institution", "测试大学")
                .put("title", title).put("summary", summary).put("fieldCode", fieldCode).put("trl", trl)
                .put("regionCode", "330100").put("status", "PUBLISHED").put("advantages", "")
                .put("createdAt", Instant.now().toString()).put("updatedAt", Instant.now().toString());
        keywords.forEach(a.putArray("keywords")::add);
        a.putArray("transferModes").add("LICENSE").add("ASSIGNMENT");
        a.putObject("askingPrice").put("minCny", 300000).put("maxCny", 800000).put("negotiable", false);
        a.putObject("contact").put("name", "王老师").put("phone", "13800000000");
        return a;
    }

    static ObjectNode demand(String id, long version, String title, String problem, List<String> keywords,
            String fieldCode, Integer minTrl) {
        ObjectNode d = JSON.createObjectNode();
        d.put("id", id).put("version", version).put("organisationId", "org-test-enterprise").put("enterprise", "测试科技有限公司")
                .put("title", title).put("problem", problem).put("indicators", "").put("fieldCode", fieldCode)
                .put("validUntil", LocalDate.now().plusDays(180).toString()).put("regionCode", "330100")
                .put("confidentiality", "PUBLIC").put("status", "OPEN")
                .put("createdAt", Instant.now().toString()).put("updatedAt", Instant.now().toString());
        if (minTrl != null) {
            d.put("minTrl", minTrl);
        }
        keywords.forEach(d.putArray("keywords")::add);
        d.putArray("cooperationModes").add("LICENSE");
        d.putObject("budget").put("minCny", 200000).put("maxCny", 1000000).put("negotiable", false);
        d.putNull("challenge");
        return d;
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

    private static void publish(String topic, String aggregateType, String type, ObjectNode payload) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("eventId", newId()).put("type", type).put("aggregateType", aggregateType)
                .put("aggregateId", payload.get("id").asText()).put("aggregateVersion", payload.get("version").asLong())
                .put("occurredAt", Instant.now().toString()).put("schemaVersion", 1).set("payload", payload);
        publishRaw(topic, payload.get("id").asText(), envelope.toString());
    }
}
