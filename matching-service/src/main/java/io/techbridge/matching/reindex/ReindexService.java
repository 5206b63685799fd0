package io.techbridge.matching.reindex;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.events.AchievementPayload;
import io.techbridge.matching.messaging.ListingDocuments;
import io.techbridge.events.DemandPayload;
import io.techbridge.events.Topics;
import io.techbridge.matching.messaging.IncomingEvent;
import io.techbridge.matching.messaging.IngestionService;
import io.techbridge.matching.messaging.PoisonMessageException;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds both indexes without downtime: new versioned indexes are filled from the event
 * topics, replayed from the start (the newest version of each record wins), then the aliases are
 * swapped in one step. Reads and the live consumer keep using the old indexes meanwhile; events
 * that arrive during the rebuild are applied to the new indexes in a catch-up pass before and
 * after the swap (external versions make applying one twice harmless). Unchanged texts keep their
 * embeddings, so a rebuild costs little more than the bulk writes.
 */
@ApplicationScoped
public class ReindexService {

    private static final Logger LOG = Logger.getLogger(ReindexService.class);
    private static final int BATCH = 256;

    private final IndexAdmin admin;
    private final DocumentIndexer indexer;
    private final IngestionService ingestion;
    private final ObjectMapper mapper;
    private final String bootstrapServers;
    private final AtomicReference<ReindexProgress> progress = new AtomicReference<>(ReindexProgress.idle());

    public ReindexService(IndexAdmin admin, DocumentIndexer indexer, IngestionService ingestion, ObjectMapper mapper,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = admin;
        this.indexer = indexer;
        this.ingestion = ingestion;
        this.mapper = mapper;
        this.bootstrapServers = bootstrapServers;
    }

    public ReindexProgress progress() {
        return progress.get();
    }

    /** Starts a rebuild in the background; one at a time. */
    public synchronized ReindexProgress start() {
        if (progress.get().state() == ReindexProgress.State.RUNNING) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "reindex-running", "A reindex is running",
                    "wait for the running reindex to finish (GET /api/admin/reindex)"));
        }
        admin.ensureAliases();
        Map<String, String> indexes = new LinkedHashMap<>();
        indexes.put(IndexAdmin.ACHIEVEMENTS, admin.createVersionedIndex(IndexAdmin.ACHIEVEMENTS));
        indexes.put(IndexAdmin.DEMANDS, admin.createVersionedIndex(IndexAdmin.DEMANDS));
        update(new ReindexProgress(ReindexProgress.State.RUNNING, "replaying events", 0, 0, 0, 0, 0, indexes,
                Instant.now(), null, null));
        Thread.ofPlatform().name("reindex").daemon().start(() -> run(indexes));
        return progress.get();
    }

    private void run(Map<String, String> indexes) {
        Map<String, String> old = new HashMap<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            old.put(IndexAdmin.ACHIEVEMENTS, admin.currentIndex(IndexAdmin.ACHIEVEMENTS).orElseThrow());
            old.put(IndexAdmin.DEMANDS, admin.currentIndex(IndexAdmin.DEMANDS).orElseThrow());
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(Topics.ACHIEVEMENT_EVENTS, Topics.DEMAND_EVENTS)) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Replay replay = replayUntilEnd(consumer, partitions);
            phase("indexing");
            write(indexes, replay);
            phase("merging segments");
            // One segment per index: a kNN search visits every segment's graph, ten after a bulk load.
            indexes.values().forEach(admin::forceMerge);
            phase("catching up");
            write(indexes, replayUntilEnd(consumer, partitions));
            phase("swapping aliases");
            admin.swapAlias(IndexAdmin.ACHIEVEMENTS, indexes.get(IndexAdmin.ACHIEVEMENTS));
            admin.swapAlias(IndexAdmin.DEMANDS, indexes.get(IndexAdmin.DEMANDS));
            // What the live consumer wrote to the old indexes just before the swap is in the topics too.
            write(indexes, replayUntilEnd(consumer, partitions));
            old.values().forEach(admin::deleteIndex);
            ReindexProgress last = progress.get();
            update(new ReindexProgress(ReindexProgress.State.DONE, "done", last.eventsRead(), last.eventsTotal(),
                    last.skipped(), last.documentsIndexed(), last.documentsTotal(), indexes, last.startedAt(),
                    Instant.now(), null));
            LOG.infof("reindex done: %d events, %d documents into %s", last.eventsRead(), last.documentsIndexed(), indexes);
        } catch (RuntimeException e) {
            LOG.errorf(e, "reindex failed; the aliases still point at the old indexes");
            indexes.values().stream().filter(i -> !old.containsValue(i)).forEach(i -> {
                if (admin.currentIndex(IndexAdmin.ACHIEVEMENTS).filter(i::equals).isEmpty()
                        && admin.currentIndex(IndexAdmin.DEMANDS).filter(i::equals).isEmpty()) {
                    admin.deleteIndex(i);
                }
            });
            ReindexProgress last = progress.get();
            update(new ReindexProgress(ReindexProgress.State.FAILED, last.phase(), last.eventsRead(), last.eventsTotal(),
                    last.skipped(), last.documentsIndexed(), last.documentsTotal(), indexes, last.startedAt(),
                    Instant.now(), e.toString()));
        }
    }

    private record Replay(Map<String, AchievementPayload> achievements, Map<String, DemandPayload> demands) {
    }

    /** Reads every partition up to its end as it is now, keeping the newest version of each record. */
    private Replay replayUntilEnd(KafkaConsumer<String, String> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        long total = 0;
        for (TopicPartition partition : partitions) {
            total += Math.max(0, end.get(partition) - consumer.position(partition));
        }
        ReindexProgress start = progress.get();
        long eventsTotal = start.eventsTotal() + total;
        Map<String, AchievementPayload> achievements = new LinkedHashMap<>();
        Map<String, DemandPayload> demands = new LinkedHashMap<>();
        long read = start.eventsRead();
        long skipped = start.skipped();
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                read++;
                try {
                    if (record.topic().equals(Topics.ACHIEVEMENT_EVENTS)) {
                        IncomingEvent event = IncomingEvent.parse(mapper, record.value(), AchievementPayload.AGGREGATE_TYPE);
                        AchievementPayload snapshot = mapper.treeToValue(event.payload(), AchievementPayload.class);
                        achievements.merge(event.aggregateId(), snapshot, (a, b) -> a.version() >= b.version() ? a : b);
                    } else {
                        IncomingEvent event = IncomingEvent.parse(mapper, record.value(), DemandPayload.AGGREGATE_TYPE);
                        DemandPayload snapshot = mapper.treeToValue(event.payload(), DemandPayload.class);
                        demands.merge(event.aggregateId(), snapshot, (a, b) -> a.version() >= b.version() ? a : b);
                    }
                } catch (PoisonMessageException | com.fasterxml.jackson.core.JsonProcessingException
                        | IllegalArgumentException e) {
                    skipped++;
                }
            }
            ReindexProgress now = progress.get();
            update(new ReindexProgress(now.state(), now.phase(), read, eventsTotal, skipped, now.documentsIndexed(),
                    now.documentsTotal(), now.newIndexes(), now.startedAt(), null, null));
        }
        return new Replay(achievements, demands);
    }

    private void write(Map<String, String> indexes, Replay replay) {
        ReindexProgress before = progress.get();
        long total = before.documentsTotal() + replay.achievements().size() + replay.demands().size();
        update(withDocuments(before.documentsIndexed(), total));
        List<AchievementDocument> achievements = replay.achievements().values().stream()
                .map(ListingDocuments::of).toList();
        for (int i = 0; i < achievements.size(); i += BATCH) {
            List<AchievementDocument> batch = ingestion.embedAchievements(achievements.subList(i, Math.min(i + BATCH, achievements.size())));
            indexer.indexAchievements(indexes.get(IndexAdmin.ACHIEVEMENTS), batch, false);
            update(withDocuments(progress.get().documentsIndexed() + batch.size(), total));
        }
        List<DemandDocument> demands = replay.demands().values().stream().map(ListingDocuments::of).toList();
        for (int i = 0; i < demands.size(); i += BATCH) {
            List<DemandDocument> batch = ingestion.embedDemands(demands.subList(i, Math.min(i + BATCH, demands.size())));
            indexer.indexDemands(indexes.get(IndexAdmin.DEMANDS), batch, false);
            update(withDocuments(progress.get().documentsIndexed() + batch.size(), total));
        }
        indexes.values().forEach(admin::refresh);
    }

    private ReindexProgress withDocuments(long indexed, long total) {
        ReindexProgress p = progress.get();
        return new ReindexProgress(p.state(), p.phase(), p.eventsRead(), p.eventsTotal(), p.skipped(), indexed, total,
                p.newIndexes(), p.startedAt(), null, null);
    }

    private void phase(String phase) {
        ReindexProgress p = progress.get();
        update(new ReindexProgress(p.state(), phase, p.eventsRead(), p.eventsTotal(), p.skipped(), p.documentsIndexed(),
                p.documentsTotal(), p.newIndexes(), p.startedAt(), null, null));
    }

    private void update(ReindexProgress next) {
        progress.set(next);
    }

    private KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName()));
    }
}
