package io.techbridge.commons.messaging;

import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Sets aside a message that can't be read or applied on {@code <topic>.dlq}, with the reason and where it
 * came from, so that the stream goes on and the message can be inspected and replayed. It exists in
 * a service that configures the {@code dead-letters} channel for Kafka.
 */
@ApplicationScoped
@IfBuildProperty(name = "mp.messaging.outgoing.dead-letters.connector", stringValue = "smallrye-kafka")
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final MutinyEmitter<String> emitter;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public void send(ConsumerRecord<String, String> record, String reason) {
        String topic = record.topic() + ".dlq";
        LOG.warnf("dead-lettering %s[%d]@%d: %s", record.topic(), record.partition(), record.offset(), reason);
        RecordHeaders headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        headers.add("dead-letter-reason", reason.getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-topic", record.topic().getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-partition", Integer.toString(record.partition()).getBytes(StandardCharsets.UTF_8));
        headers.add("dead-letter-offset", Long.toString(record.offset()).getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(record.key()).withHeaders(headers).build();
        // Waits for the broker: the offset of the poison message is committed only once it is set aside.
        emitter.sendMessage(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata))
                .await().atMost(Duration.ofSeconds(30));
    }
}
