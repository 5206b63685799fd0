package io.techbridge.deploy.local.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.techbridge.events.EventEnvelope;
import io.techbridge.events.MatchPayload;
import io.techbridge.events.Topics;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** Publishes on match-events as matching-service does: a Match envelope keyed by the pair's id. */
public final class MatchEvents {

    public static final String TOPIC = Topics.MATCH_EVENTS;
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private MatchEvents() {
    }

    /** The payload of a pair ({@link MatchPayload}, as matching-service publishes it) with its disclosure flag. */
    public static Map<String, Object> pair(String demandId, String achievementId, String demandOrganisationId,
            String achievementOrganisationId, boolean disclosed) {
        Instant now = Instant.now();
        MatchPayload pair = new MatchPayload(UUID.randomUUID().toString(), disclosed ? 5 : 3, demandId, achievementId,
                demandOrganisationId, achievementOrganisationId, "07.01", "330100", 0.7, "INTRODUCED", null, null, null,
                disclosed, disclosed ? now : null, now, now, List.of());
        return JSON.convertValue(pair, new TypeReference<LinkedHashMap<String, Object>>() {
        });
    }

    public static String envelope(Map<String, Object> payload) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", MatchPayload.INTRODUCED);
        envelope.put("aggregateType", MatchPayload.AGGREGATE_TYPE);
        envelope.put("aggregateId", String.valueOf(payload.getOrDefault("id", UUID.randomUUID().toString())));
        envelope.put("aggregateVersion", payload.getOrDefault("version", 1));
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("schemaVersion", EventEnvelope.SCHEMA_VERSION);
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
