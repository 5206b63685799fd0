package io.techbridge.matching.deadletter;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A message held on a dead-letter topic, as read from Kafka: its bytes, and the headers it came
 * with, apart from those {@link io.techbridge.commons.messaging.DeadLetters} added.
 */
public record DeadLetter(String topic, int partition, long offset, Instant timestamp, byte[] key, byte[] value,
        String reason, String sourceTopic, Integer sourcePartition, Long sourceOffset, List<RawHeader> originalHeaders) {

    /** Headers of the dead-letter mechanism: never passed on by a replay (it adds its own). */
    public static final String PREFIX = "dead-letter-";
    public static final String REASON = "dead-letter-reason";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String REPLAYED_FROM = "dead-letter-replayed-from";

    public record RawHeader(String key, byte[] value) {
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        List<RawHeader> original = new ArrayList<>();
        for (Header header : record.headers()) {
            if (!header.key().startsWith(PREFIX)) {
                original.add(new RawHeader(header.key(), header.value()));
            }
        }
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                record.timestamp() < 0 ? null : Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(),
                last(record, REASON), last(record, TOPIC), number(last(record, PARTITION), Integer::valueOf),
                number(last(record, OFFSET), Long::valueOf), List.copyOf(original));
    }

    /** Where a replay of this message came from: {@code <dlq topic>/<partition>/<offset>}. */
    public String address() {
        return topic + "/" + partition + "/" + offset;
    }

    /** A message set aside again after a replay carries every round's headers; the newest counts. */
    private static String last(ConsumerRecord<byte[], byte[]> record, String key) {
        Header header = record.headers().lastHeader(key);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static <N> N number(String text, java.util.function.Function<String, N> parse) {
        try {
            return text == null ? null : parse.apply(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
