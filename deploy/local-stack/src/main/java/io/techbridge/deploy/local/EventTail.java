package io.techbridge.deploy.local;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** {@code deploy/local/events [topic] [--once]}: prints a topic's events from the beginning, then follows it. */
public final class EventTail {

    private EventTail() {
    }

    public static void main(String[] args) {
        String topic = args.length > 0 && !args[0].startsWith("--") ? args[0] : "achievement-events";
        boolean once = List.of(args).contains("--once");
        StackSettings settings = StackSettings.fromEnvironment(System.getenv());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:" + settings.kafkaPort(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(15)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            int emptyPolls = 0;
            while (!once || emptyPolls < 2) {
                var records = consumer.poll(Duration.ofSeconds(1));
                emptyPolls = records.isEmpty() ? emptyPolls + 1 : 0;
                for (ConsumerRecord<String, String> record : records) {
                    System.out.printf("%s[%d]@%d key=%s %s%n", record.topic(), record.partition(), record.offset(),
                            record.key(), record.value());
                }
            }
        }
    }
}
