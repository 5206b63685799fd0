package io.techbridge.commons.outbox;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which of some outbox events are on their topic already. The relay asks before it sends events
 * an earlier attempt may have delivered without living to mark them — after a start (the previous
 * process may have died between Kafka's acknowledgement and the commit of the mark), after a round
 * that failed, and when it takes the relay lock over from another instance — so that every event
 * reaches its topic once. An event can be on its topic only after it was written to the outbox, so
 * each partition is read from the oldest event's creation time (less a margin for clocks), by the
 * {@code event-id} header every relayed record carries.
 */
final class OutboxTopicCheck {

    /** Clocks of the producer and of the outbox writer may differ this much. */
    static final Duration CLOCK_MARGIN = Duration.ofMinutes(1);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;

    OutboxTopicCheck(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The ids of those events found on their topics; any failure to read a topic is thrown, so nothing is sent blind. */
    Set<UUID> alreadyPublished(List<OutboxEvent> events, Function<OutboxEvent, String> topicOf) {
        Map<String, List<OutboxEvent>> byTopic = new HashMap<>();
        for (OutboxEvent event : events) {
            byTopic.computeIfAbsent(topicOf.apply(event), t -> new ArrayList<>()).add(event);
        }
        Set<UUID> found = new HashSet<>();
        Map<String, Object> properties = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(properties)) {
            for (Map.Entry<String, List<OutboxEvent>> topic : byTopic.entrySet()) {
                found.addAll(onTopic(consumer, topic.getKey(), topic.getValue()));
            }
        }
        return found;
    }

    private static Set<UUID> onTopic(KafkaConsumer<byte[], byte[]> consumer, String topic, List<OutboxEvent> events) {
        Set<String> wanted = new HashSet<>();
        events.forEach(e -> wanted.add(e.eventId.toString()));
        Instant oldest = events.stream().map(e -> e.createdAt).min(Comparator.naturalOrder()).orElseThrow();
        List<PartitionInfo> infos = consumer.partitionsFor(topic, TIMEOUT);
        Set<UUID> found = new HashSet<>();
        if (infos == null || infos.isEmpty()) {
            return found;
        }
        Map<TopicPartition, Long> from = new HashMap<>();
        for (PartitionInfo info : infos) {
            from.put(new TopicPartition(topic, info.partition()), oldest.minus(CLOCK_MARGIN).toEpochMilli());
        }
        Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(from, TIMEOUT);
        Map<TopicPartition, Long> ends = consumer.endOffsets(from.keySet(), TIMEOUT);
        List<TopicPartition> toRead = new ArrayList<>();
        for (Map.Entry<TopicPartition, OffsetAndTimestamp> start : starts.entrySet()) {
            if (start.getValue() != null && start.getValue().offset() < ends.get(start.getKey())) {
                toRead.add(start.getKey());
            }
        }
        if (toRead.isEmpty()) {
            return found;
        }
        consumer.assign(toRead);
        toRead.forEach(p -> consumer.seek(p, starts.get(p).offset()));
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (toRead.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + TIMEOUT.toSeconds() + " s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                Header id = record.headers().lastHeader("event-id");
                if (id != null) {
                    String eventId = new String(id.value(), StandardCharsets.UTF_8);
                    if (wanted.contains(eventId)) {
                        found.add(UUID.fromString(eventId));
                    }
                }
            }
        }
        return found;
    }
}
