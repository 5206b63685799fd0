package io.techbridge.commons.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.opentelemetry.context.Context;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.techbridge.commons.tracing.TraceParents;
import io.techbridge.commons.work.WorkerLoop;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.SystemException;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
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
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes outbox events to Kafka, oldest first, keyed by aggregate id. Within a round the
 * events of one aggregate are sent one after another, each only once the previous one is
 * acknowledged, so a failure never lets a later version overtake an earlier one; what was not
 * acknowledged stays in the outbox and is retried, with back-off, until Kafka takes it.
 * <p>
 * Each event reaches its topic once. An event Kafka took but the relay could not mark (the process
 * was killed, or the database went away, between the acknowledgement and the commit; or a round
 * gave up waiting while a send was still under way) is not sent again blindly: after a start,
 * after a failed round and when it takes the relay lock over from another instance, the relay first
 * waits for its own sends still under way, then looks on the topic for what it is about to send
 * ({@link OutboxTopicCheck}) and only marks what is there. Consumers still deduplicate by
 * (aggregate id, version), as a replay from a dead-letter topic or a reindex repeats events.
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
    private final TransactionManager transactions;
    private final AtomicLong backlog = new AtomicLong();
    private final Counter published;
    private final Counter failedRounds;
    private final WorkerLoop worker;
    private final OutboxTopicCheck topicCheck;
    private final String defaultTopic;
    /** Whether events waiting in the outbox may be on their topic already (see the class comment). */
    private volatile boolean uncertain = true;
    private volatile boolean holdingLock;
    /** The sends of a round that gave up waiting; their outcome is awaited before anything is looked up or sent. */
    private volatile CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    public OutboxRelay(OutboxRepository repository, OutboxConfig config,
            @Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) MutinyEmitter<String> emitter,
            MeterRegistry registry, TransactionManager transactions) {
        this.repository = repository;
        this.transactions = transactions;
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
        org.eclipse.microprofile.config.Config settings = org.eclipse.microprofile.config.ConfigProvider.getConfig();
        this.topicCheck = new OutboxTopicCheck(settings.getOptionalValue("mp.messaging.outgoing.outbox.bootstrap.servers", String.class)
                .or(() -> settings.getOptionalValue("kafka.bootstrap.servers", String.class)).orElse("localhost:9092"));
        this.defaultTopic = settings.getOptionalValue("mp.messaging.outgoing.outbox.topic", String.class).orElse("outbox");
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

    /** As after a start: the next round looks on the topics before it sends (for tests of a crash's aftermath). */
    public void assumeUncertain() {
        uncertain = true;
        worker.wake();
    }

    private WorkerLoop.Outcome relayRound() {
        if (!inFlight.isDone()) {
            return WorkerLoop.Outcome.FAILED;
        }
        int timeoutSeconds = (int) config.sendTimeout().plusSeconds(60).toSeconds();
        Round round;
        try {
            round = QuarkusTransaction.requiringNew().timeout(timeoutSeconds).call(() -> {
                if (!repository.tryRelayLock(config.lockKey())) {
                    holdingLock = false;
                    // The backlog is the database's, not this instance's: every instance reports it,
                    // so an alert on any instance's figure reads the truth.
                    backlog.set(repository.backlog());
                    return new Round(0, false);
                }
                if (!holdingLock) {
                    // Another instance may have relayed until now, and died before it marked what it sent.
                    holdingLock = true;
                    uncertain = true;
                }
                List<OutboxEvent> batch = repository.oldestUnpublished(config.batchSize());
                // Counted before the sends too: while Kafka is away a round waits up to the send timeout.
                backlog.set(repository.backlog());
                Round sent = batch.isEmpty() ? new Round(0, false) : send(batch);
                backlog.set(repository.backlog());
                return sent;
            });
        } catch (RuntimeException e) {
            // The marks may not have been committed: what was sent must be looked for before it is sent again.
            uncertain = true;
            holdingLock = false;
            throw e;
        }
        uncertain = round.failed();
        if (round.failed()) {
            failedRounds.increment();
            LOG.warnf("Kafka did not acknowledge every event (%d relayed, %d waiting); retrying", round.relayed(),
                    backlog.get());
            return WorkerLoop.Outcome.FAILED;
        }
        return round.relayed() < config.batchSize() ? WorkerLoop.Outcome.IDLE : WorkerLoop.Outcome.MORE;
    }

    private Round send(List<OutboxEvent> batch) {
        ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
        List<OutboxEvent> toSend = batch;
        if (uncertain) {
            Set<UUID> there = topicCheck.alreadyPublished(batch, this::topicOf);
            if (!there.isEmpty()) {
                LOG.infof("%d of %d waiting events were relayed before, unmarked; marking them without sending them again",
                        there.size(), batch.size());
            }
            toSend = new ArrayList<>();
            for (OutboxEvent event : batch) {
                if (there.contains(event.eventId)) {
                    acknowledged.add(event.id);
                } else {
                    toSend.add(event);
                }
            }
        }
        Map<String, List<OutboxEvent>> byAggregate = new LinkedHashMap<>();
        for (OutboxEvent event : toSend) {
            byAggregate.computeIfAbsent(event.aggregateId, id -> new ArrayList<>()).add(event);
        }
        boolean failed = !byAggregate.isEmpty() && !sent(byAggregate.values(), acknowledged);
        List<Long> done = List.copyOf(acknowledged);
        repository.markPublished(done, Instant.now());
        published.increment(done.size());
        return new Round(done.size(), failed || done.size() < batch.size());
    }

    /**
     * Sends each aggregate's events in order and waits for them, with the round's transaction suspended: the producer's callbacks take the
     * caller's context along, and one still inside the transaction when it committed made the commit
     * fail ("multiple threads active"). The transaction keeps its connection, and the relay lock, meanwhile.
     */
    private boolean sent(java.util.Collection<List<OutboxEvent>> byAggregate, ConcurrentLinkedQueue<Long> acknowledged) {
        Transaction round = suspend();
        try {
            // Made here, not before: Mutiny captures the context when a pipeline is assembled.
            List<Uni<Void>> chains = new ArrayList<>();
            for (List<OutboxEvent> events : byAggregate) {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (OutboxEvent event : events) {
                    chain = chain.chain(() -> publish(event).invoke(() -> acknowledged.add(event.id)));
                }
                chains.add(chain);
            }
            // Not cancelled when the wait gives up: sends already handed to the producer may still land,
            // and the next round waits for their outcome before it looks on the topic.
            CompletableFuture<Void> sends = Uni.join().all(chains).andCollectFailures().replaceWithVoid()
                    .subscribeAsCompletionStage();
            try {
                sends.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                inFlight = sends;
                return false;
            } catch (ExecutionException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                inFlight = sends;
                return false;
            }
        } finally {
            resume(round);
        }
    }

    private Transaction suspend() {
        try {
            return transactions.suspend();
        } catch (SystemException e) {
            throw new IllegalStateException("cannot suspend the relay's transaction", e);
        }
    }

    private void resume(Transaction round) {
        try {
            transactions.resume(round);
        } catch (jakarta.transaction.InvalidTransactionException | SystemException e) {
            throw new IllegalStateException("cannot resume the relay's transaction", e);
        }
    }

    private String topicOf(OutboxEvent event) {
        return config.topics().getOrDefault(event.aggregateType, defaultTopic);
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
        Message<String> message = Message.of(event.envelope).addMetadata(metadata.build());
        if (event.traceParent != null) {
            // The send's span (and the traceparent header Kafka's tracing puts on the record) continues the
            // trace of the request that wrote the event, not the relay's round.
            Context writer = TraceParents.context(event.traceParent);
            message = message.addMetadata(TracingMetadata.with(writer, writer));
        }
        return emitter.sendMessage(message);
    }

    private record Round(int relayed, boolean failed) {
    }
}
