package io.techbridge.matching.messaging;

import io.techbridge.events.AchievementPayload;
import io.techbridge.events.DemandPayload;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.techbridge.commons.messaging.DeadLetters;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.invitation.InvitationService;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.workflow.ProposalService;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Applies a batch of achievement or demand events: parses them (poison goes to the dead-letter
 * topic), keeps the newest version of each aggregate, embeds the texts that changed in one batch,
 * indexes with the aggregate version as external version, then records the applied versions and
 * queues the records for proposal recomputation in one transaction (the ProposalWorker drains
 * the queue, so ingestion never waits for matching). Everything is idempotent, so a batch can be retried whole.
 * An outage (Elasticsearch or PostgreSQL away) is waited out; a record that fails for any other
 * reason after retries is dead-lettered so the stream goes on.
 */
@ApplicationScoped
public class IngestionService {

    private static final Logger LOG = Logger.getLogger(IngestionService.class);
    private static final int ATTEMPTS = 3;

    private final ObjectMapper mapper;
    private final EmbeddingService embeddings;
    private final DocumentIndexer indexer;
    private final ProposalService proposals;
    private final InvitationService invitations;
    private final DeadLetters deadLetters;
    private final IndexAdmin indexes;
    private final Counter applied;
    private final Counter duplicates;
    private final Timer embedding;

    public IngestionService(ObjectMapper mapper, EmbeddingService embeddings, DocumentIndexer indexer,
            ProposalService proposals, InvitationService invitations, DeadLetters deadLetters, IndexAdmin indexes,
            MeterRegistry registry) {
        this.invitations = invitations;
        this.indexes = indexes;
        this.mapper = mapper;
        this.embeddings = embeddings;
        this.indexer = indexer;
        this.proposals = proposals;
        this.deadLetters = deadLetters;
        this.applied = Counter.builder("techbridge.matching.events.applied").register(registry);
        this.duplicates = Counter.builder("techbridge.matching.events.duplicates").register(registry);
        this.embedding = Timer.builder("techbridge.matching.embedding").register(registry);
    }

    private record Parsed<S>(ConsumerRecord<String, String> record, IncomingEvent event, S snapshot) {
    }

    public void ingestAchievements(List<ConsumerRecord<String, String>> records) {
        List<Parsed<AchievementPayload>> parsed = parse(records, AchievementPayload.AGGREGATE_TYPE, AchievementPayload.class);
        withRetries(parsed, batch -> {
            indexes.ensureAliases();
            List<AchievementDocument> documents = embedAchievements(batch.stream().map(p -> ListingDocuments.of(p.snapshot())).toList());
            indexer.indexAchievements(IndexAdmin.ACHIEVEMENTS, documents, true);
            count(documents.size(), proposals.record(documents, List.of()));
            return null;
        });
    }

    public void ingestDemands(List<ConsumerRecord<String, String>> records) {
        List<Parsed<DemandPayload>> parsed = parse(records, DemandPayload.AGGREGATE_TYPE, DemandPayload.class);
        withRetries(parsed, batch -> {
            indexes.ensureAliases();
            List<DemandDocument> documents = embedDemands(batch.stream().map(p -> ListingDocuments.of(p.snapshot())).toList());
            indexer.indexDemands(IndexAdmin.DEMANDS, documents, true);
            // The challenge terms are stored before the demand is queued, so its matching sees them.
            invitations.recordTerms(batch.stream().map(p -> ListingDocuments.challengeTerms(p.snapshot())).toList());
            count(documents.size(), proposals.record(List.of(), documents));
            return null;
        });
    }

    /** Reuses the stored vector when the text did not change (a status change, say); embeds the rest in one batch. */
    public List<AchievementDocument> embedAchievements(List<AchievementDocument> documents) {
        Map<String, AchievementDocument> current = indexer.achievements(IndexAdmin.ACHIEVEMENTS,
                documents.stream().map(AchievementDocument::id).toList());
        return withEmbeddings(documents, d -> {
            AchievementDocument stored = current.get(d.id());
            return stored != null && d.textHash().equals(stored.textHash()) ? stored.embedding() : null;
        }, AchievementDocument::embeddingText, AchievementDocument::withEmbedding);
    }

    public List<DemandDocument> embedDemands(List<DemandDocument> documents) {
        Map<String, DemandDocument> current = indexer.demands(IndexAdmin.DEMANDS,
                documents.stream().map(DemandDocument::id).toList());
        return withEmbeddings(documents, d -> {
            DemandDocument stored = current.get(d.id());
            return stored != null && d.textHash().equals(stored.textHash()) ? stored.embedding() : null;
        }, DemandDocument::embeddingText, DemandDocument::withEmbedding);
    }

    private <D> List<D> withEmbeddings(List<D> documents, Function<D, float[]> stored, Function<D, String> text,
            BiFunction<D, float[], D> withEmbedding) {
        List<D> result = new ArrayList<>(documents);
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < result.size(); i++) {
            float[] vector = stored.apply(result.get(i));
            if (vector != null) {
                result.set(i, withEmbedding.apply(result.get(i), vector));
            } else {
                missing.add(i);
            }
        }
        List<float[]> vectors = embed(missing.stream().map(i -> text.apply(result.get(i))).toList());
        for (int j = 0; j < missing.size(); j++) {
            int i = missing.get(j);
            result.set(i, withEmbedding.apply(result.get(i), vectors.get(j)));
        }
        return result;
    }

    private List<float[]> embed(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        return embedding.record(() -> embeddings.embedAll(texts));
    }

    private void count(int received, int newlyApplied) {
        applied.increment(newlyApplied);
        duplicates.increment(received - newlyApplied);
    }

    private <S> List<Parsed<S>> parse(List<ConsumerRecord<String, String>> records, String aggregateType, Class<S> type) {
        Map<String, Parsed<S>> newest = new LinkedHashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                IncomingEvent event = IncomingEvent.parse(mapper, record.value(), aggregateType);
                S snapshot = snapshot(event, type);
                Parsed<S> previous = newest.get(event.aggregateId());
                // The payload is the full state, so within a batch only the newest version matters.
                if (previous == null || previous.event().version() < event.version()) {
                    newest.put(event.aggregateId(), new Parsed<>(record, event, snapshot));
                }
            } catch (PoisonMessageException e) {
                deadLetters.send(record, e.getMessage());
            }
        }
        return new ArrayList<>(newest.values());
    }

    private <S> S snapshot(IncomingEvent event, Class<S> type) {
        try {
            S snapshot = mapper.treeToValue(event.payload(), type);
            if (snapshot instanceof AchievementPayload a && (a.title() == null || a.status() == null)) {
                throw new PoisonMessageException("payload lacks title or status");
            }
            if (snapshot instanceof DemandPayload d && (d.title() == null || d.status() == null)) {
                throw new PoisonMessageException("payload lacks title or status");
            }
            return snapshot;
        } catch (PoisonMessageException e) {
            throw e;
        } catch (Exception e) {
            throw new PoisonMessageException("payload is not a readable " + event.aggregateType() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Applies the batch; while the failure is an outage it waits and tries again without end (the
     * partition must not move past unapplied events); otherwise it applies the records one by one
     * and dead-letters those that still fail.
     */
    private <S> void withRetries(List<Parsed<S>> batch, Function<List<Parsed<S>>, Void> apply) {
        if (batch.isEmpty()) {
            return;
        }
        Duration backoff = Duration.ofMillis(500);
        for (int attempt = 1; ; attempt++) {
            try {
                apply.apply(batch);
                return;
            } catch (RuntimeException e) {
                if (isOutage(e)) {
                    LOG.warnf("outage while applying %d events (%s); retrying in %d ms", batch.size(), e.getMessage(),
                            backoff.toMillis());
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30)
                            : backoff.multipliedBy(2);
                    attempt = 0;
                    continue;
                }
                if (attempt < ATTEMPTS) {
                    continue;
                }
                LOG.warnf(e, "a batch of %d events failed %d times; applying one by one", batch.size(), ATTEMPTS);
                break;
            }
        }
        for (Parsed<S> one : batch) {
            try {
                retryOne(one, apply);
            } catch (RuntimeException e) {
                deadLetters.send(one.record(), "cannot be applied: " + e);
            }
        }
    }

    private <S> void retryOne(Parsed<S> one, Function<List<Parsed<S>>, Void> apply) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                apply.apply(List.of(one));
                return;
            } catch (RuntimeException e) {
                last = e;
            }
        }
        throw last;
    }

    static boolean isOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof SQLTransientException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t.getClass().getName().contains("ConnectionClosed")) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting out an outage", e);
        }
    }
}
