package io.techbridge.deploy.local.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes on match-events as matching-service does: a Match envelope keyed by the pair's id. */
public final class MatchEvents {

    public static final String TOPIC = "match-events";
    private static final ObjectMapper JSON = new ObjectMapper();

    private MatchEvents() {
    }

    /** The payload of a pair (as matching-service's MatchView shows it) with its disclosure flag. */
    public static Map<String, Object> pair(String demandId, String achievementId, String demandOrganisationId,
            String achievementOrganisationId, boolean disclosed) {
        Map<String, Object> pair = new LinkedHashMap<>();
        pair.put("id", UUID.randomUUID().toString());
        pair.put("version", disclosed ? 5 : 3);
        pair.put("demandId", demandId);
        pair.put("achievementId", achievementId);
        pair.put("demandOrganisationId", demandOrganisationId);
        pair.put("achievementOrganisationId", achievementOrganisationId);
        pair.put("status", "INTRODUCED");
        pair.put("disclosed", disclosed);
        if (disclosed) {
            pair.put("introductionAcceptedAt", Instant.now().toString());
        }
        return pair;
    }

    public static String envelope(Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", "MatchIntroduced");
        envelope.put("aggregateType", "Match");
        envelope.put("aggregateId", String.valueOf(payload.getOrDefault("id", UUID.randomUUID().toString())));
        envelope.put("aggregateVersion", payload.getOrDefault("version", 1));
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("schemaVersion", 1);
        envelope.put("payload", payload);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends the records in order, each keyed (so in one partition, in order) by {@code key}. */
    public static void send(String key, String... values) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.get().kafkaBootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            for (String value : values) {
                producer.send(new ProducerRecord<>(TOPIC, key, value)).get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish on " + TOPIC, e);
        }
    }
}
