package io.techbridge.matching.deadletter;

import io.quarkus.runtime.ShutdownEvent;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * The dead-letter topics as Kafka holds them, read with the plain client: an admin client for
 * which topics exist and their offsets, a consumer assigned to the partitions for the messages
 * (no group, nothing committed: reading changes nothing), and a producer with idempotence and
 * acks=all for replays.
 */
@ApplicationScoped
public class DeadLetterLog {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    /** One partition of a topic and the offsets it holds: [start, end). */
    public record Range(int partition, long start, long end) {
        public long held() {
            return Math.max(0, end - start);
        }
    }

    private final String bootstrapServers;
    private Admin admin;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetterLog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The offsets each partition of a topic holds; empty for a topic that does not exist (yet). */
    public List<Range> ranges(String topic) {
        return ranges(List.of(topic)).getOrDefault(topic, List.of());
    }

    /** The offsets each partition of each existing topic holds; topics that don't exist are absent. */
    public Map<String, List<Range>> ranges(Collection<String> topics) {
        try {
            Set<String> existing = admin().listTopics().names().get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            List<String> asked = topics.stream().filter(existing::contains).toList();
            Map<String, List<Range>> ranges = new HashMap<>();
            if (asked.isEmpty()) {
                return ranges;
            }
            Map<String, TopicDescription> descriptions = admin().describeTopics(asked).allTopicNames()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            descriptions.values().forEach(d -> d.partitions().forEach(p -> {
                earliest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.earliest());
                latest.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin().listOffsets(earliest).all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin().listOffsets(latest).all()
                    .get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            for (TopicPartition partition : earliest.keySet()) {
                ranges.computeIfAbsent(partition.topic(), t -> new ArrayList<>()).add(new Range(partition.partition(),
                        starts.get(partition).offset(), ends.get(partition).offset()));
            }
            ranges.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(Range::partition)));
            return ranges;
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    /**
     * The newest {@code perPartition} messages of each partition (fewer where it holds fewer): the
     * candidates for a listing's first pages, newest first.
     */
    public List<DeadLetter> tails(String topic, List<Range> ranges, long perPartition) {
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> to = new HashMap<>();
        for (Range range : ranges) {
            if (range.held() > 0) {
                TopicPartition partition = new TopicPartition(topic, range.partition());
                from.put(partition, Math.max(range.start(), range.end() - perPartition));
                to.put(partition, range.end());
            }
        }
        List<DeadLetter> read = new ArrayList<>();
        read(from, to, read::add);
        return read;
    }

    /** Every message of the topic up to its end as it is now, partition by partition, oldest first. */
    public void readAll(String topic, List<Range> ranges, Consumer<DeadLetter> each) {
        Map<TopicPartition, Long> from = new HashMap<>();
        Map<TopicPartition, Long> to = new HashMap<>();
        for (Range range : ranges) {
            if (range.held() > 0) {
                from.put(new TopicPartition(topic, range.partition()), range.start());
                to.put(new TopicPartition(topic, range.partition()), range.end());
            }
        }
        read(from, to, each);
    }

    /** One message, if the topic holds it. */
    public Optional<DeadLetter> read(String topic, int partition, long offset) {
        Optional<Range> range = ranges(topic).stream().filter(r -> r.partition() == partition).findFirst();
        if (range.isEmpty() || offset < range.get().start() || offset >= range.get().end()) {
            return Optional.empty();
        }
        TopicPartition tp = new TopicPartition(topic, partition);
        List<DeadLetter> found = new ArrayList<>();
        read(Map.of(tp, offset), Map.of(tp, offset + 1), found::add);
        return found.stream().filter(d -> d.offset() == offset).findFirst();
    }

    /**
     * Publishes a dead letter again on its source topic, with its key, value and original headers
     * plus {@code dead-letter-replayed-from}, and waits until the broker has it (all in-sync replicas).
     */
    public RecordMetadata republish(DeadLetter letter, String sourceTopic) {
        RecordHeaders headers = new RecordHeaders();
        letter.originalHeaders().forEach(h -> headers.add(h.key(), h.value()));
        headers.add(DeadLetter.REPLAYED_FROM, letter.address().getBytes(StandardCharsets.UTF_8));
        try {
            return producer().send(new ProducerRecord<>(sourceTopic, null, letter.key(), letter.value(), headers))
                    .get(PATIENCE.toSeconds() * 2, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
    }

    private void read(Map<TopicPartition, Long> from, Map<TopicPartition, Long> to, Consumer<DeadLetter> each) {
        if (from.isEmpty()) {
            return;
        }
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            consumer.assign(from.keySet());
            from.forEach(consumer::seek);
            Instant deadline = Instant.now().plus(PATIENCE);
            while (to.entrySet().stream().anyMatch(e -> consumer.position(e.getKey(), PATIENCE) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw unavailable(new TimeoutException("reading " + from.keySet() + " took longer than " + PATIENCE));
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < to.get(partition)) {
                        each.accept(DeadLetter.of(record));
                        deadline = Instant.now().plus(PATIENCE);
                    }
                }
                // A partition read to its end is not read further (new messages are not asked for).
                List<TopicPartition> done = to.entrySet().stream()
                        .filter(e -> consumer.position(e.getKey(), PATIENCE) >= e.getValue()).map(Map.Entry::getKey).toList();
                if (!done.isEmpty()) {
                    consumer.pause(done);
                }
            }
        }
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        Map<String, Object> config = new HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "matching-service-dead-letters");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return new KafkaConsumer<>(config);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.CLIENT_ID_CONFIG, "matching-service-dead-letters",
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis()));
        }
        return admin;
    }

    private synchronized KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            Map<String, Object> config = new HashMap<>();
            config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            config.put(ProducerConfig.CLIENT_ID_CONFIG, "matching-service-dead-letter-replays");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) PATIENCE.toMillis());
            config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis());
            config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) PATIENCE.toMillis() * 2);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
            producer = new KafkaProducer<>(config);
        }
        return producer;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (admin != null) {
            admin.close(Duration.ofSeconds(5));
        }
    }

    private static ProblemException unavailable(Exception cause) {
        Throwable reason = cause instanceof ExecutionException && cause.getCause() != null ? cause.getCause() : cause;
        return new ProblemException(Problem.of(Response.Status.SERVICE_UNAVAILABLE, "kafka-unavailable",
                "Kafka unavailable", "the dead-letter topics could not be read or written: " + reason));
    }
}
