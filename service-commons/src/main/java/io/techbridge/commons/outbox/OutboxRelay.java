package io.techbridge.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.techbridge.commons.work.WorkerLoop;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox events to Kafka, oldest first, keyed by aggregate id. Within a round the
 * events of one aggregate are sent one after another, each only once the previous one is
 * acknowledged, so a failure never lets a later version overtake an earlier one; what was not
 * acknowledged stays in the outbox and is retried, with back-off, until Kafka takes it.
 * Delivery is at least once: consumers deduplicate by (aggregate id, version).
 * <p>
 * It runs in a service whose {@code outbox} channel goes to Kafka
 * ({@code mp.messaging.outgoing.outbox.connector=smallrye-kafka}); in one that publishes nothing it
 * does not exist, so neither does the channel.
 */
@ApplicationScoped
@IfBuildProperty(name = "mp.messaging.outgoing.outbox.connector", stringValue = "smallrye-kafka")
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final OutboxConfig config;
    private final MutinyEmitter<String> emitter;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failedRounds;
    private final WorkerLoop worker;

    public OutboxRelay(OutboxRepository repository, OutboxConfig config,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter,
            MeterRegistry registry) {
        this.repository = repository;
        this.config = config;
        this.emitter = emitter;
        Gauge.builder("techbridge.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by Kafka")
                .register(registry);
        this.published = Counter.builder("techbridge.outbox.published")
                .description("Events relayed to Kafka").register(registry);
        this.failedRounds = Counter.builder("techbridge.outbox.failed.rounds")
                .description("Relay rounds in which Kafka did not acknowledge every event").register(registry);
        this.worker = new WorkerLoop("outbox-relay", Duration.ofSeconds(1), this::relayRound, LOG);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    void onAppended(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxWriter.OutboxAppended event) {
        worker.wake();
    }

    /** The number of events not yet relayed, as last counted. */
    public long backlog() {
        return backlog.get();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deleteOldPublished() {
        long deleted = QuarkusTransaction.requiringNew()
                .call(() -> repository.deletePublishedBefore(Instant.now().minus(config.retention())));
        if (deleted > 0) {
            LOG.debugf("deleted %d relayed outbox events", deleted);
        }
    }

    private WorkerLoop.Outcome relayRound() {
        int timeoutSeconds = (int) config.sendTimeout().plusSeconds(30).toSeconds();
        Round round = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
            if (!repository.tryRelayLock(config.lockKey())) {
                return new Round(0, false);
            }
            List<OutboxEvent> batch = repository.oldestUnpublished(config.batchSize());
            Round sent = batch.isEmpty() ? new Round(0, false) : send(batch);
            backlog.set(repository.backlog());
            return sent;
        });
        if (round.failed()) {
            failedRounds.increment();
            LOG.warnf("Kafka did not acknowledge every event (%d relayed, %d waiting); retrying", round.relayed(),
                    backlog.get());
            return WorkerLoop.Outcome.FAILED;
        }
        return round.relayed() < config.batchSize() ? WorkerLoop.Outcome.IDLE : WorkerLoop.Outcome.MORE;
    }

    private Round send(List<OutboxEvent> batch) {
        Map<String, List<OutboxEvent>> byAggregate = new LinkedHashMap<>();
        for (OutboxEvent event : batch) {
            byAggregate.computeIfAbsent(event.aggregateId, id -> new ArrayList<>()).add(event);
        }
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        List<Uni<Void>> chains = new ArrayList<>();
        for (List<OutboxEvent> events : byAggregate.values()) {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (OutboxEvent event : events) {
                chain = chain.chain(() -> publish(event).invoke(() -> acknowledged.add(event.id)));
            }
            chains.add(chain);
        }
        boolean failed = false;
        try {
            Uni.join().all(chains).andCollectFailures().await().atMost(config.sendTimeout());
        } catch (RuntimeException e) {
            failed = true;
        }
        List<Long> done = List.copyOf(acknowledged);
        repository.markPublished(done, Instant.now());
        published.increment(done.size());
        return new Round(done.size(), failed || done.size() < batch.size());
    }

    private Uni<Void> publish(OutboxEvent event) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("event-type", event.eventType.getBytes(StandardCharsets.UTF_8));
        headers.add("event-id", event.eventId.toString().getBytes(StandardCharsets.UTF_8));
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId)
                .withHeaders(headers);
        String topic = config.topics().get(event.aggregateType);
        if (topic != null) {
            metadata.withTopic(topic);
        }
        return emitter.sendMessage(Message.of(event.envelope).addMetadata(metadata.build()));
    }

    private record Round(int relayed, boolean failed) {
    }
}
