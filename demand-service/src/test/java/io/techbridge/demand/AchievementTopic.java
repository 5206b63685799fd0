package io.techbridge.demand;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.testing.TestServers;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * Publishes on achievement-events as achievement-service does (an Achievement envelope keyed by the
 * achievement's id, the achievement as its payload), and reads what the demand library learnt of it.
 */
final class AchievementTopic {

    static final String TOPIC = "achievement-events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private AchievementTopic() {
    }

    /** The envelope of one version of an achievement of the organisation, in this status. */
    static String envelope(String achievementId, long version, String organisationId, String status) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("id", achievementId);
        payload.put("organisationId", organisationId);
        payload.put("institution", "浙江大学");
        payload.put("status", status);
        payload.put("title", "高导热石墨烯复合散热膜制备技术");
        payload.put("summary", "面内导热系数1500 W/(m·K)，厚度25微米。");
        payload.put("keywords", List.of("石墨烯", "散热膜"));
        payload.put("fieldCode", "04.02");
        payload.put("trl", 6);
        payload.put("version", version);
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", version == 1 ? "AchievementCreated" : "AchievementUpdated");
        envelope.put("aggregateType", "Achievement");
        envelope.put("aggregateId", achievementId);
        envelope.put("aggregateVersion", version);
        envelope.put("occurredAt", Instant.now().toString());
        envelope.put("schemaVersion", 1);
        envelope.put("payload", payload);
        try {
            return JSON.writeValueAsString(envelope);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A new achievement of the organisation, at version 1 in this status, once the demand library knows it. */
    static String published(DataSource dataSource, String organisationId, String status) {
        String id = UUID.randomUUID().toString();
        send(id, envelope(id, 1, organisationId, status));
        awaitKnown(dataSource, id, 1);
        return id;
    }

    /** Sends the records in order, each keyed (so in one partition, in order) by {@code key}. */
    static void send(String key, String... values) {
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

    /** Waits until the demand library knows the achievement at this version. */
    static void awaitKnown(DataSource dataSource, String achievementId, long version) {
        await().atMost(PATIENCE).until(() -> known(dataSource, achievementId).map(k -> k.version() == version)
                .orElse(false));
    }

    record Known(String organisationId, String status, long version) {
    }

    static Optional<Known> known(DataSource dataSource, String achievementId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select organisation_id, status, version from known_achievement where achievement_id = ?::uuid")) {
            statement.setString(1, achievementId);
            try (ResultSet result = statement.executeQuery()) {
                return result.next()
                        ? Optional.of(new Known(result.getString(1), result.getString(2), result.getLong(3)))
                        : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
