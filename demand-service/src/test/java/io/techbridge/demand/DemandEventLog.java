package io.techbridge.demand;

import io.techbridge.events.testing.PublishedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.testing.TestServers;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;

/** Reads demand-events from the beginning with a plain consumer, as any other service would. */
final class DemandEventLog {

    static final String TOPIC = "demand-events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private DemandEventLog() {
    }

    /** Waits until the envelopes of one demand, in topic order, satisfy {@code condition}; returns them, each checked against its contract. */
    static List<JsonNode> awaitEnvelopes(String demandId, Predicate<List<JsonNode>> condition) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestServers.get().kafkaBootstrapServers());
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "demand-service-test");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(properties)) {
            List<TopicPartition> partitions = await().atMost(PATIENCE).pollInSameThread().ignoreExceptions()
                    .until(() -> consumer.partitionsFor(TOPIC, Duration.ofSeconds(5)).stream()
                            .map(info -> new TopicPartition(info.topic(), info.partition())).toList(),
                            found -> !found.isEmpty());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<JsonNode> envelopes = new ArrayList<>();
            await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(50)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (demandId.equals(record.key())) {
                        envelopes.add(JSON.readTree(record.value()));
                    }
                }
                return condition.test(envelopes);
            });
            // Whatever a test reads, every event it saw reads as its contract, without a contact.
            envelopes.forEach(PublishedEvents::payloadOf);
            return envelopes;
        }
    }

    static Predicate<List<JsonNode>> contains(String type, long aggregateVersion) {
        return envelopes -> envelopes.stream().anyMatch(e -> type.equals(e.path("type").asText())
                && e.path("aggregateVersion").asLong() == aggregateVersion);
    }
}
