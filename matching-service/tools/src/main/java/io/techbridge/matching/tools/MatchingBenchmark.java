package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest5_client.Rest5ClientTransport;
import co.elastic.clients.transport.rest5_client.low_level.Rest5Client;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.events.AchievementPayload;
import io.techbridge.events.EventEnvelope;
import io.techbridge.matching.messaging.ListingDocuments;
import io.techbridge.events.DemandPayload;
import io.techbridge.matching.messaging.IncomingEvent;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The matching benchmark: how fast TechBridge ingests, indexes, embeds and matches on this
 * machine, measured against a running local stack ({@code deploy/local/up}). Not a test: it
 * prints figures. It talks to 127.0.0.1 only, on the ports of the {@code TECHBRIDGE_*}
 * environment variables (default 8081, 8083, Kafka 9092, Elasticsearch 9200, PostgreSQL 15432).
 *
 * <ol>
 *   <li><b>corpus</b>: Chinese achievements and demands generated from a seed ({@link CorpusGenerator});</li>
 *   <li><b>ingest</b>: the corpus published as {@code AchievementCreated} / {@code DemandCreated} events, in
 *       the services' envelope, straight onto {@code achievement-events} / {@code demand-events}; timed from
 *       the first send until matching-service has applied every one (embedded, indexed, queued for its
 *       proposals: the {@code techbridge_matching_events_applied_total} counter), with the Elasticsearch
 *       {@code _count} of the aliases as a second witness;</li>
 *   <li><b>proposals</b>: the proposal workers' drain rate (records proposed per second, from the first
 *       event) beside the ingest rate, and the lag: how long after the last event was applied the
 *       {@code proposal_task} queue of the matching database is empty;</li>
 *   <li><b>bulk</b>: the raw Elasticsearch bulk rate: corpus achievements with random 512-dimension vectors
 *       into a scratch index with the production mapping, deleted afterwards;</li>
 *   <li><b>embed</b>: the raw embedding rate of {@link EmbeddingService#embedAll} in batches;</li>
 *   <li><b>query</b>: latency of {@code GET /api/demands/{id}/matches?limit=10} and
 *       {@code GET /api/achievements/{id}/matches?limit=10}, sequential, after a warm-up, each call beside
 *       the same Elasticsearch requests sent raw ({@link RawRanking});</li>
 *   <li><b>freshness</b>: from the 201 of {@code POST /api/achievements} to the first 200 of
 *       {@code GET /api/achievements/{id}/matches}, polled every 20 ms, while 10 achievement events a second
 *       arrive in the background;</li>
 *   <li><b>memory</b>: the resident memory of every process of the stack.</li>
 * </ol>
 *
 * <p>Usage: {@code matching-service/benchmark [--achievements N] [--demands N] [--seed S] ...};
 * {@code --help} lists every option; {@code --json FILE} writes every figure. Every loop is bounded in
 * count and time, and the run by {@code --budget} (15 minutes unless told).
 */
public final class MatchingBenchmark {

    static final String HOST = "127.0.0.1";
    static final List<String> PHASES = List.of("ingest", "proposals", "bulk", "embed", "query", "freshness", "memory");
    private static final Map<String, String> MEASURES = Map.ofEntries(
            Map.entry("prefill", "index filled directly (--prefill-achievements)"),
            Map.entry("ingest", "end-to-end ingest (Kafka → embed → index, proposal queued)"),
            Map.entry("proposals", "proposal drain (ProposalWorker queue) vs ingest"),
            Map.entry("bulk", "raw Elasticsearch bulk (production mapping, 512-dim vectors)"),
            Map.entry("embed", "raw embedding (bge-small-zh-v1.5, in-process, CPU)"),
            Map.entry("query", "match query GET /api/demands/{id}/matches?limit=10"),
            Map.entry("query-raw", "its Elasticsearch requests sent raw (read by id + msearch + exact kNN + termvectors)"),
            Map.entry("query-achievement", "match query GET /api/achievements/{id}/matches?limit=10"),
            Map.entry("query-achievement-raw", "its Elasticsearch requests sent raw (read by id + msearch + exact kNN + termvectors)"),
            Map.entry("freshness", "freshness under 10 events/s: POST 201 → GET /api/achievements/{id}/matches 200"),
            Map.entry("memory", "resident memory (VmRSS) of the stack"));
    /**
     * With {@code --budget}, the least each phase after ingest is left: ingest and the proposal
     * queue wait only until the phases after them still fit.
     */
    private static final Map<String, Duration> SHARES = Map.of("proposals", Duration.ofSeconds(60),
            "bulk", Duration.ofSeconds(30), "embed", Duration.ofSeconds(60), "query", Duration.ofSeconds(150),
            "freshness", Duration.ofSeconds(120), "memory", Duration.ofSeconds(5));
    /** The most the measuring phases take, whatever the budget; their loops stop there. */
    private static final Map<String, Duration> CAPS = Map.of("bulk", Duration.ofMinutes(2), "embed", Duration.ofMinutes(2),
            "query", Duration.ofMinutes(4), "freshness", Duration.ofMinutes(3));
    /** Events per second the background producer publishes during the freshness phase. */
    private static final int BACKGROUND_RATE = 10;
    private static final int BULK_BATCH = 500;
    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(20);
    private static final Duration FRESHNESS_TIMEOUT = Duration.ofSeconds(60);
    /** Freshness achievements are generated from indices far beyond any corpus, so their texts are new. */
    private static final int FRESHNESS_INDEX_BASE = 1_000_000_000;
    /** Achievements the background producer creates, beyond the corpus and the freshness ones. */
    private static final int BACKGROUND_INDEX_BASE = 1_500_000_000;
    /** Prefilled achievements, beyond the published corpus and below the freshness ones. */
    private static final int PREFILL_INDEX_BASE = 500_000_000;
    /**
     * A prefilled achievement's vector is an embedded corpus text of its field, moved by noise of
     * this length: cosine ≈ 0.96 to that text, so the index holds clusters as real vectors do.
     */
    private static final double PREFILL_JITTER = 0.3;

    record Options(int achievements, int demands, long seed, long runTag, int bulkDocs, int embedTexts, int embedBatch,
            int queries, int warmup, int freshness, Duration ingestTimeout, Duration stallTimeout, Duration proposalWindow,
            Duration budget, Path jsonFile, Set<String> phases, int prefillAchievements, int prefillTexts) {
    }

    /** The ports of the local stack, from the same variables as deploy/local (StackSettings). */
    record Ports(int achievement, int matching, int kafka, int elasticsearch, int postgres) {
        static Ports fromEnvironment(Map<String, String> env) {
            return new Ports(port(env, "TECHBRIDGE_ACHIEVEMENT_PORT", 8081), port(env, "TECHBRIDGE_MATCHING_PORT", 8083),
                    port(env, "TECHBRIDGE_KAFKA_PORT", 9092), port(env, "TECHBRIDGE_ES_PORT", 9200),
                    port(env, "TECHBRIDGE_PG_PORT", 15432));
        }

        static int port(Map<String, String> env, String name, int defaultPort) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return defaultPort;
            }
            try {
                int port = Integer.parseInt(value.strip());
                if (port >= 1 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }

    record Row(String measure, String result, String detail) {
    }

    private final Options options;
    private final Ports ports;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final CorpusGenerator corpus;
    /** Demo accounts' logins by role, at the gateway when the stack has one. */
    private Map<String, DemoLogin> logins;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private ElasticsearchClient elasticsearch;
    private Rest5ClientTransport transport;
    private boolean ingested;
    /** When the ingest phase sent its first event (System.nanoTime), or -1. */
    private long ingestStarted = -1;
    /** Ingest or proposals did not finish, or were not waited for: matching-service may still be busy with the corpus. */
    private boolean ingestUnfinished;
    /** Every figure measured, by phase, for --json. */
    private final ObjectNode report = json.createObjectNode();
    /** When --budget runs out (System.nanoTime), or Long.MAX_VALUE without one. */
    private long budgetEnd = Long.MAX_VALUE;
    /** The end-to-end ingest rate and when the last event was applied (System.nanoTime), once measured. */
    private double ingestRate = Double.NaN;
    private long ingestEndedAt = -1;
    /** The proposal queue and the applied counter when ingest began, to count the records drained since. */
    private long queueAtIngestStart;
    private double appliedAtIngestStart;

    private MatchingBenchmark(Options options, Ports ports) {
        this.options = options;
        this.ports = ports;
        this.corpus = new CorpusGenerator(options.seed(), options.runTag(), Instant.now(), json);
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println();
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        quietLogging();
        MatchingBenchmark benchmark = new MatchingBenchmark(options, Ports.fromEnvironment(System.getenv()));
        int status;
        try {
            status = benchmark.run();
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            status = 1;
        }
        // ONNX Runtime and the HTTP clients keep non-daemon threads: leave explicitly.
        System.exit(status);
    }

    /**
     * INFO at most, before any client exists: without a configuration the log manager's root level
     * is ALL, and the Elasticsearch client's HTTP wire log (hex dumps of every byte) then costs
     * more CPU than the requests being measured.
     */
    static void quietLogging() {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.INFO);
        java.util.logging.Logger.getLogger("org.apache.kafka").setLevel(java.util.logging.Level.WARNING);
        if (org.slf4j.LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled()) {
            throw new IllegalStateException("HTTP wire logging is still on: the latencies would measure the logging");
        }
    }

    private int run() {
        long started = System.nanoTime();
        if (options.budget() != null) {
            budgetEnd = started + options.budget().toNanos();
        }
        String loadBefore = loadAverage();
        System.out.printf("TechBridge matching benchmark: %,d achievements + %,d demands, seed %d, run tag %s%n",
                options.achievements(), options.demands(), options.seed(), Long.toHexString(options.runTag()));
        System.out.printf("  stack: achievement-service %s:%d, matching-service %s:%d, Kafka %s:%d, Elasticsearch %s:%d, "
                        + "PostgreSQL %s:%d%n", HOST, ports.achievement(), HOST, ports.matching(), HOST, ports.kafka(), HOST,
                ports.elasticsearch(), HOST, ports.postgres());
        System.out.printf("  machine: %d cores, Java %s, load average %s%n", Runtime.getRuntime().availableProcessors(),
                Runtime.version().feature(), loadBefore);
        System.out.println("  phases: " + String.join(", ", options.phases()) + (options.budget() == null ? ""
                : "; budget " + duration(options.budget().toNanos())) + "; logging INFO (HTTP wire log off)");
        try {
            preflight();
            String corpusLine = describeCorpus();
            if (options.prefillAchievements() > 0) {
                phase("prefill", this::prefill);
            }
            phase("ingest", this::ingest);
            phase("proposals", this::proposals);
            if (ingested && !options.phases().contains("proposals")) {
                ingestUnfinished = true;
            }
            phase("bulk", this::bulk);
            phase("embed", this::embed);
            phase("query", this::query);
            phase("freshness", this::freshness);
            phase("memory", this::memory);
            printTable(corpusLine, loadBefore, System.nanoTime() - started);
            writeJson(loadBefore, System.nanoTime() - started);
        } finally {
            closeElasticsearch();
        }
        return failures.isEmpty() ? 0 : 1;
    }

    private interface Phase {
        void run() throws Exception;
    }

    private void phase(String name, Phase phase) {
        if (!options.phases().contains(name) && !name.equals("prefill")) {
            return;
        }
        System.out.printf("%n== %s ==%n", name);
        long started = System.nanoTime();
        try {
            phase.run();
        } catch (Exception e) {
            if (name.equals("ingest") || name.equals("proposals")) {
                ingestUnfinished = true;
            }
            String message = e.getClass().getSimpleName() + ": " + e.getMessage();
            System.out.println("  FAILED: " + message);
            failures.add(name);
            rows.add(new Row(MEASURES.get(name), "FAILED", abbreviate(message, 240)));
        }
        System.out.printf("  (%s took %s)%n", name, duration(System.nanoTime() - started));
    }

    /**
     * When a phase stops: its cap from now, and no later than the budget leaves for the phases after
     * it; a phase is always left at least its own share.
     */
    private long deadline(String name, Duration cap) {
        long now = System.nanoTime();
        long byCap = cap == null ? Long.MAX_VALUE : now + cap.toNanos();
        if (budgetEnd == Long.MAX_VALUE) {
            return byCap;
        }
        long reserve = 0;
        for (String later : PHASES.subList(PHASES.indexOf(name) + 1, PHASES.size())) {
            if (options.phases().contains(later)) {
                reserve += SHARES.get(later).toNanos();
            }
        }
        long share = SHARES.getOrDefault(name, Duration.ZERO).toNanos();
        return Math.min(byCap, Math.max(now + share, budgetEnd - reserve));
    }

    // ------------------------------------------------------------------------------------------
    // Preflight and corpus
    // ------------------------------------------------------------------------------------------

    private void preflight() {
        List<String> missing = new ArrayList<>();
        if (needs("ingest", "query", "freshness")) {
            String failed = failedConsumers();
            if (failed != null) {
                throw new IllegalStateException("matching-service is up but its event consumers have failed, so it "
                        + "applies nothing until restarted: " + failed);
            }
            check(missing, "matching-service", matchingUrl("/q/health/ready"));
        }
        if (needs("freshness")) {
            check(missing, "achievement-service", achievementUrl("/q/health/ready"));
        }
        if (needs("ingest", "bulk", "query")) {
            try {
                elasticsearch().cluster().health();
            } catch (Exception e) {
                missing.add("Elasticsearch at " + HOST + ":" + ports.elasticsearch() + " (" + e.getMessage() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("not reachable: " + String.join("; ", missing)
                    + ". Start the stack with deploy/local/up (ports from the TECHBRIDGE_* variables).");
        }
    }

    private boolean needs(String... phases) {
        return Arrays.stream(phases).anyMatch(options.phases()::contains);
    }

    private void check(List<String> missing, String what, String url) {
        try {
            HttpResponse<String> response = get(url);
            if (response.statusCode() != 200) {
                missing.add(what + " (" + url + " answered " + response.statusCode() + ")");
            }
        } catch (IOException e) {
            missing.add(what + " at " + url + " (" + e.getMessage() + ")");
        }
    }

    /**
     * Checks that the first records read back exactly as matching-service reads them, and describes
     * the corpus: lengths of summaries and problem statements, keywords, fields.
     */
    private String describeCorpus() {
        int sampleA = Math.min(options.achievements(), 2000);
        int sampleD = Math.min(options.demands(), 2000);
        if (sampleA > 0) {
            toAchievementDocument(envelope(corpus.achievement(0), "AchievementCreated", "Achievement"));
        }
        if (sampleD > 0) {
            toDemandDocument(envelope(corpus.demand(0), "DemandCreated", "Demand"));
        }
        int[] summary = new int[sampleA];
        int[] problem = new int[sampleD];
        Map<String, Integer> fields = new java.util.TreeMap<>();
        Set<String> words = new java.util.HashSet<>();
        for (int i = 0; i < sampleA; i++) {
            ObjectNode a = corpus.achievement(i);
            summary[i] = a.get("summary").asText().length();
            fields.merge(a.get("fieldCode").asText().substring(0, 2), 1, Integer::sum);
            a.get("keywords").forEach(k -> words.add(k.asText()));
        }
        for (int i = 0; i < sampleD; i++) {
            problem[i] = corpus.demand(i).get("problem").asText().length();
        }
        String line = String.format(Locale.ROOT, "%,d achievements + %,d demands in Chinese (seed %d); summaries %s chars, "
                        + "problems %s chars, %d distinct keywords, fields %s (first %,d achievements)",
                options.achievements(), options.demands(), options.seed(), spread(summary), spread(problem), words.size(),
                fields, sampleA);
        System.out.println("  corpus: " + line);
        ObjectNode figures = report.putObject("corpus");
        figures.put("achievements", options.achievements());
        figures.put("demands", options.demands());
        figures.put("seed", options.seed());
        figures.put("runTag", Long.toHexString(options.runTag()));
        if (sampleA > 0) {
            ObjectNode first = corpus.achievement(0);
            System.out.println("  e.g. achievement: " + first.get("title").asText() + " — " + first.get("summary").asText());
        }
        if (sampleD > 0) {
            ObjectNode first = corpus.demand(0);
            System.out.println("  e.g. demand: " + first.get("title").asText() + " — " + first.get("problem").asText());
        }
        return line;
    }

    private static String spread(int[] lengths) {
        if (lengths.length == 0) {
            return "-";
        }
        int[] sorted = lengths.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%d–%d (median %d)", sorted[0], sorted[sorted.length - 1], sorted[sorted.length / 2]);
    }

    // ------------------------------------------------------------------------------------------
    // 1. Prefill (optional)
    // ------------------------------------------------------------------------------------------

    /**
     * Fills the live achievement index with {@code --prefill-achievements} corpus achievements
     * straight through the bulk API, as the indexer writes them (content terms, headline terms,
     * mapping), so rankings can be measured over a provincial-size index without embedding every
     * text: embedding 100,000 texts takes over an hour on two cores. Each vector is the embedding of
     * a corpus text of the same technical field plus noise ({@value #PREFILL_JITTER}). These
     * achievements get no proposals and no database rows; they are candidates only.
     */
    private void prefill() throws Exception {
        int n = options.prefillAchievements();
        long t0 = System.nanoTime();
        EmbeddingService embeddings = new EmbeddingService();
        Map<String, List<float[]>> seeds = new java.util.HashMap<>();
        List<AchievementDocument> seedDocuments = new ArrayList<>();
        for (int i = 0; i < options.prefillTexts(); i++) {
            seedDocuments.add(toAchievementDocument(envelope(corpus.achievement(PREFILL_INDEX_BASE - 1 - i),
                    "AchievementCreated", "Achievement")));
        }
        for (int from = 0; from < seedDocuments.size(); from += options.embedBatch()) {
            List<AchievementDocument> batch = seedDocuments.subList(from, Math.min(seedDocuments.size(), from + options.embedBatch()));
            List<float[]> vectors = embeddings.embedAll(batch.stream().map(AchievementDocument::embeddingText).toList());
            for (int k = 0; k < batch.size(); k++) {
                seeds.computeIfAbsent(batch.get(k).fieldCode(), f -> new ArrayList<>()).add(vectors.get(k));
            }
        }
        List<float[]> anyField = seeds.values().stream().flatMap(List::stream).toList();
        System.out.printf("  %,d seed texts embedded in %s (%d fields)%n", seedDocuments.size(),
                duration(System.nanoTime() - t0), seeds.size());
        IndexAdmin admin = new IndexAdmin(elasticsearch());
        DocumentIndexer indexer = new DocumentIndexer(elasticsearch());
        long before = count(IndexAdmin.ACHIEVEMENTS);
        long t1 = System.nanoTime();
        for (int from = 0; from < n; from += BULK_BATCH) {
            int to = Math.min(n, from + BULK_BATCH);
            List<AchievementDocument> batch = java.util.stream.IntStream.range(from, to).parallel().mapToObj(i -> {
                AchievementDocument document = toAchievementDocument(envelope(corpus.achievement(PREFILL_INDEX_BASE + i),
                        "AchievementCreated", "Achievement"));
                SplittableRandom random = new SplittableRandom(CorpusGenerator.mix(options.seed(), PREFILL_INDEX_BASE + i));
                List<float[]> pool = seeds.getOrDefault(document.fieldCode(), anyField);
                return document.withEmbedding(jittered(pool.get(random.nextInt(pool.size())), random));
            }).toList();
            indexer.indexAchievements(IndexAdmin.ACHIEVEMENTS, batch, false);
            if ((to / BULK_BATCH) % 20 == 0 || to == n) {
                System.out.printf("  %s: %,d of %,d indexed%n", duration(System.nanoTime() - t1), to, n);
            }
        }
        admin.refresh(IndexAdmin.ACHIEVEMENTS);
        long after = count(IndexAdmin.ACHIEVEMENTS);
        if (after - before < n) {
            throw new IllegalStateException("the index grew by " + (after - before) + ", not " + n);
        }
        long elapsed = System.nanoTime() - t1;
        String detail = String.format(Locale.ROOT, "%,d corpus achievements bulk-indexed in %s (%,.0f docs/s); vectors: "
                        + "%,d embedded corpus texts by field, jittered; no proposals, no events", n, duration(elapsed),
                n / seconds(elapsed), seedDocuments.size());
        System.out.println("  " + detail + "; index now " + String.format(Locale.ROOT, "%,d", after) + " achievements");
        rows.add(new Row(MEASURES.get("prefill"), String.format(Locale.ROOT, "%,d achievements", n), detail));
        ObjectNode corpusFigures = (ObjectNode) report.get("corpus");
        corpusFigures.put("prefilledAchievements", n);
        corpusFigures.put("prefillSeedTexts", seedDocuments.size());
        corpusFigures.put("indexedAchievements", after);
    }

    private static float[] jittered(float[] seed, SplittableRandom random) {
        float[] noise = unitVector(random);
        float[] vector = new float[seed.length];
        double norm = 0;
        for (int k = 0; k < vector.length; k++) {
            vector[k] = (float) (seed[k] + PREFILL_JITTER * noise[k]);
            norm += vector[k] * vector[k];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < vector.length; k++) {
            vector[k] *= scale;
        }
        return vector;
    }

    // ------------------------------------------------------------------------------------------
    // 2. End-to-end ingest
    // ------------------------------------------------------------------------------------------

    private void ingest() throws Exception {
        int total = options.achievements() + options.demands();
        long baseAchievements = count(IndexAdmin.ACHIEVEMENTS);
        long baseDemands = count(IndexAdmin.DEMANDS);
        double baseApplied = appliedCounter();
        queueAtIngestStart = Math.max(0, proposalQueue());
        appliedAtIngestStart = Double.isNaN(baseApplied) ? 0 : baseApplied;
        System.out.printf("  before: %,d achievements and %,d demands indexed; applied counter %s%n", baseAchievements,
                baseDemands, Double.isNaN(baseApplied) ? "not exported yet" : String.format("%,.0f", baseApplied));

        AtomicLong sendFailures = new AtomicLong();
        AtomicReference<Exception> firstFailure = new AtomicReference<>();
        long t0;
        long published;
        try (KafkaProducer<String, String> producer = producer()) {
            t0 = System.nanoTime();
            ingestStarted = t0;
            int a = 0;
            int d = 0;
            // Both streams from the start, in proportion, as two busy services would write them.
            while (a < options.achievements() || d < options.demands()) {
                boolean demandNext = d < options.demands()
                        && (a >= options.achievements() || (long) d * options.achievements() <= (long) a * options.demands());
                ObjectNode payload = demandNext ? corpus.demand(d++) : corpus.achievement(a++);
                String type = demandNext ? "DemandCreated" : "AchievementCreated";
                String aggregateType = demandNext ? DemandPayload.AGGREGATE_TYPE : AchievementPayload.AGGREGATE_TYPE;
                ObjectNode envelope = envelope(payload, type, aggregateType);
                ProducerRecord<String, String> record = new ProducerRecord<>(
                        demandNext ? "demand-events" : "achievement-events", payload.get("id").asText(),
                        json.writeValueAsString(envelope));
                record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-id", envelope.get("eventId").asText().getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        sendFailures.incrementAndGet();
                        firstFailure.compareAndSet(null, e);
                    }
                });
            }
            producer.flush();
            published = System.nanoTime() - t0;
        }
        if (sendFailures.get() > 0) {
            throw new IllegalStateException(sendFailures.get() + " events were not accepted by Kafka", firstFailure.get());
        }
        System.out.printf("  published %,d events in %s (%,.0f events/s into Kafka)%n", total, duration(published),
                total / seconds(published));

        long wantAchievements = baseAchievements + options.achievements();
        long wantDemands = baseDemands + options.demands();
        double wantApplied = (Double.isNaN(baseApplied) ? 0 : baseApplied) + total;
        long timeout = t0 + options.ingestTimeout().toNanos();
        long deadline = Math.min(timeout, deadline("ingest", null));
        long lastProgressAt = System.nanoTime();
        long lastPrint = System.nanoTime();
        long lastHealthCheck = System.nanoTime();
        double lastSeen = -1;
        long indexedAt = -1;
        long appliedAt = -1;
        boolean metricAvailable = !Double.isNaN(baseApplied);
        while (true) {
            long achievements = count(IndexAdmin.ACHIEVEMENTS);
            long demands = count(IndexAdmin.DEMANDS);
            double applied = appliedCounter();
            long now = System.nanoTime();
            metricAvailable |= !Double.isNaN(applied);
            if (indexedAt < 0 && achievements >= wantAchievements && demands >= wantDemands) {
                indexedAt = now;
            }
            if (metricAvailable && !Double.isNaN(applied) && applied >= wantApplied) {
                appliedAt = now;
            }
            double progress = (Double.isNaN(applied) ? 0 : applied) + achievements + demands;
            if (progress != lastSeen) {
                lastSeen = progress;
                lastProgressAt = now;
            }
            boolean done = appliedAt >= 0 && indexedAt >= 0 || !metricAvailable && indexedAt >= 0;
            if (done) {
                if (appliedAt < 0) {
                    appliedAt = indexedAt;
                }
                break;
            }
            if (now - lastPrint >= Duration.ofSeconds(15).toNanos()) {
                lastPrint = now;
                double doneEvents = Double.isNaN(applied) ? achievements - baseAchievements + demands - baseDemands
                        : applied - (Double.isNaN(baseApplied) ? 0 : baseApplied);
                System.out.printf("  %s: applied %,.0f of %,d (%.1f events/s); indexed +%,d achievements, +%,d demands%n",
                        duration(now - t0), doneEvents, total, doneEvents / seconds(now - t0),
                        achievements - baseAchievements, demands - baseDemands);
            }
            if (now > deadline && deadline < timeout) {
                budgetSpentOnIngest(t0, now, total, Double.isNaN(applied) ? achievements - baseAchievements
                        + demands - baseDemands : applied - (Double.isNaN(baseApplied) ? 0 : baseApplied));
                return;
            }
            if (now > deadline) {
                throw new IllegalStateException("not all events applied within " + options.ingestTimeout().toMinutes()
                        + " min (--ingest-timeout): indexed +" + (achievements - baseAchievements) + " achievements, +"
                        + (demands - baseDemands) + " demands");
            }
            if (now - lastHealthCheck >= Duration.ofSeconds(5).toNanos()) {
                lastHealthCheck = now;
                String failed = failedConsumers();
                if (failed != null) {
                    throw new IllegalStateException("matching-service stopped consuming after " + duration(now - t0)
                            + " (indexed +" + (achievements - baseAchievements) + " achievements, +"
                            + (demands - baseDemands) + " demands): " + failed);
                }
            }
            if (now - lastProgressAt > options.stallTimeout().toNanos()) {
                throw new IllegalStateException("no progress for " + options.stallTimeout().toSeconds()
                        + " s (--stall-timeout); dead-lettered events? see achievement-events.dlq / demand-events.dlq");
            }
            Thread.sleep(500);
        }
        double elapsed = seconds(appliedAt - t0);
        double rate = total / elapsed;
        ingestRate = rate;
        ingestEndedAt = appliedAt;
        ObjectNode figures = report.putObject("ingest");
        figures.put("eventsPerSecond", round1(rate));
        figures.put("events", total);
        figures.put("complete", true);
        System.out.printf("  all %,d indexed after %s, applied after %s: %.1f events/s end to end%n", total,
                duration(indexedAt - t0), duration(appliedAt - t0), rate);
        rows.add(new Row(MEASURES.get("ingest"),
                String.format(Locale.ROOT, "%.1f events/s", rate),
                String.format(Locale.ROOT, "%,d events in %s; published in %s; all in Elasticsearch after %s%s", total,
                        duration(appliedAt - t0), duration(published), duration(indexedAt - t0),
                        metricAvailable ? "" : " (applied counter not exported: _count only)")));
        ingested = true;
    }

    /**
     * The budget ran out before every event was applied: the rate so far is the figure, and the
     * phases after this one measure a service still busy with the corpus.
     */
    private void budgetSpentOnIngest(long t0, long now, int total, double done) {
        double rate = done / seconds(now - t0);
        ingestRate = rate;
        ingestUnfinished = true;
        ingested = true;
        System.out.printf("  budget: stopped waiting after %s with %,.0f of %,d events applied: %.1f events/s so far%n",
                duration(now - t0), done, total, rate);
        ObjectNode figures = report.putObject("ingest");
        figures.put("eventsPerSecond", round1(rate));
        figures.put("events", total);
        figures.put("applied", Math.round(done));
        figures.put("complete", false);
        rows.add(new Row(MEASURES.get("ingest"), String.format(Locale.ROOT, "%.1f events/s (unfinished)", rate),
                String.format(Locale.ROOT, "%,.0f of %,d events applied in %s, when the --budget left no more time for it",
                        done, total, duration(now - t0))));
    }

    private KafkaProducer<String, String> producer() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + ports.kafka());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 30_000);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 120_000);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "techbridge-benchmark");
        return new KafkaProducer<>(config);
    }

    /** The envelope of the services' outbox (EventEnvelope): the payload is the record after the change. */
    private ObjectNode envelope(ObjectNode payload, String type, String aggregateType) {
        ObjectNode envelope = json.createObjectNode();
        envelope.put("eventId", UUID.randomUUID().toString());
        envelope.put("type", type);
        envelope.put("aggregateType", aggregateType);
        envelope.put("aggregateId", payload.get("id").asText());
        envelope.put("aggregateVersion", payload.get("version").asLong());
        envelope.put("occurredAt", payload.get("updatedAt").asText());
        envelope.put("schemaVersion", EventEnvelope.SCHEMA_VERSION);
        envelope.set("payload", payload);
        return envelope;
    }

    /** What matching-service makes of an achievement event; also proves the envelope is one it accepts. */
    private AchievementDocument toAchievementDocument(ObjectNode envelope) {
        try {
            IncomingEvent event = IncomingEvent.parse(json, json.writeValueAsString(envelope), AchievementPayload.AGGREGATE_TYPE);
            return ListingDocuments.of(json.treeToValue(event.payload(), AchievementPayload.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private DemandDocument toDemandDocument(ObjectNode envelope) {
        try {
            IncomingEvent event = IncomingEvent.parse(json, json.writeValueAsString(envelope), DemandPayload.AGGREGATE_TYPE);
            return ListingDocuments.of(json.treeToValue(event.payload(), DemandPayload.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Documents behind an alias; 0 while it does not exist. */
    private long count(String alias) throws IOException {
        try {
            return elasticsearch().count(c -> c.index(alias)).count();
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return 0;
            }
            throw e;
        }
    }

    /**
     * Events matching-service has applied (Prometheus {@code techbridge_matching_events_applied_total}; a
     * retried batch counts its records once, under duplicates); NaN while not exported yet.
     */
    private double appliedCounter() {
        try {
            HttpResponse<String> response = get(matchingUrl("/q/metrics"));
            if (response.statusCode() != 200) {
                return Double.NaN;
            }
            double sum = 0;
            boolean found = false;
            for (String line : response.body().split("\n")) {
                if (line.startsWith("techbridge_matching_events_applied_total")) {
                    // A counter's line may end with an exemplar (`# {trace_id=...} value timestamp`) since tracing.
                    String sample = line.contains(" # ") ? line.substring(0, line.indexOf(" # ")) : line;
                    sum += Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
                    found = true;
                }
            }
            return found ? sum : Double.NaN;
        } catch (IOException | NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * The event channels matching-service reports as failed on {@code /q/health/live} (a failed channel
     * consumes nothing until the service restarts), or null while they are fine.
     */
    private String failedConsumers() {
        try {
            HttpResponse<String> response = get(matchingUrl("/q/health/live"));
            if (response.statusCode() == 200) {
                return null;
            }
            List<String> failed = new ArrayList<>();
            for (com.fasterxml.jackson.databind.JsonNode check : json.readTree(response.body()).path("checks")) {
                check.path("data").properties().forEach(entry -> {
                    if (entry.getValue().asText().startsWith("[KO]")) {
                        failed.add(entry.getKey() + " " + abbreviate(entry.getValue().asText(), 160));
                    }
                });
            }
            return "liveness " + response.statusCode() + (failed.isEmpty() ? "" : ": " + String.join("; ", failed));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    // ------------------------------------------------------------------------------------------
    // 2b. Until every record is matched
    // ------------------------------------------------------------------------------------------

    /**
     * Compares the proposal workers with the ingest: records drained per second (applied events
     * minus the queue's growth, from the first event), the ingest rate, and how long after the last
     * event was applied the queue is empty. Waits until then, or until --proposal-window or the
     * budget ends it; then the lag is a lower bound with a projection at the drain rate after ingest.
     */
    private void proposals() throws Exception {
        if (!ingested) {
            throw new IllegalStateException("needs a finished ingest phase");
        }
        long queued = proposalQueue();
        if (queued < 0) {
            System.out.println("  this matching-service has no proposal queue: proposals were made during ingest");
            rows.add(new Row(MEASURES.get("proposals"), "= ingest", "proposals made while applying the events"));
            return;
        }
        long deadline = deadline("proposals", options.proposalWindow());
        if (options.proposalWindow() == null) {
            deadline = Math.min(deadline, ingestStarted + options.ingestTimeout().toNanos());
        }
        long phaseStart = System.nanoTime();
        long atPhaseStart = queued;
        long lastChange = phaseStart;
        long lastPrint = phaseStart;
        long previous = queued;
        System.out.printf("  %,d records waiting for their proposals %s after the first event%n", queued,
                duration(phaseStart - ingestStarted));
        String stopped = null;
        while (queued > 0) {
            long now = System.nanoTime();
            if (queued != previous) {
                previous = queued;
                lastChange = now;
            }
            if (now - lastPrint >= Duration.ofSeconds(now - ingestStarted < Duration.ofMinutes(5).toNanos() ? 15 : 60).toNanos()) {
                lastPrint = now;
                System.out.printf("  %s: %,d records waiting for their proposals%n", duration(now - ingestStarted), queued);
            }
            if (now >= deadline) {
                stopped = options.proposalWindow() != null ? "--proposal-window" : budgetEnd != Long.MAX_VALUE
                        ? "--budget" : "--ingest-timeout";
                break;
            }
            if (now - lastChange > options.stallTimeout().toNanos()) {
                stopped = "--stall-timeout (the queue did not move; see the matching-service log)";
                break;
            }
            Thread.sleep(500);
            queued = proposalQueue();
        }
        long end = System.nanoTime();
        double applied = appliedCounter();
        double appliedSince = Double.isNaN(applied) ? (ingestUnfinished ? Double.NaN : options.achievements()
                + options.demands()) : applied - appliedAtIngestStart;
        double drained = appliedSince - (queued - queueAtIngestStart);
        double drainRate = drained / seconds(end - ingestStarted);
        double afterIngest = (atPhaseStart - queued) / seconds(end - phaseStart);
        ObjectNode figures = report.putObject("proposals");
        putRounded(figures, "drainPerSecond", drainRate);
        putRounded(figures, "ingestPerSecond", ingestRate);
        putRounded(figures, "ratio", drainRate / ingestRate);
        String lag;
        if (queued == 0 && ingestEndedAt >= 0) {
            double lagSeconds = Math.max(0, end - ingestEndedAt) / 1e9;
            figures.put("lagSecondsAfterIngest", round1(lagSeconds));
            lag = String.format(Locale.ROOT, "queue empty %.1f s after the last event was applied", lagSeconds);
        } else if (queued == 0) {
            lag = "queue empty, but ingest did not finish: no lag to measure";
        } else {
            double atLeast = ingestEndedAt >= 0 ? (end - ingestEndedAt) / 1e9 : Double.NaN;
            double projected = afterIngest > 0 ? atLeast + queued / afterIngest : Double.NaN;
            figures.put("queuedAtEnd", queued);
            putRounded(figures, "lagSecondsAtLeast", atLeast);
            putRounded(figures, "projectedLagSeconds", projected);
            lag = String.format(Locale.ROOT, "%,d records still queued when %s ended the wait: lag %s%s", queued, stopped,
                    Double.isNaN(atLeast) ? "unknown (ingest unfinished)" : String.format(Locale.ROOT, "> %.0f s", atLeast),
                    Double.isNaN(projected) ? "" : String.format(Locale.ROOT, ", about %.0f s at the drain rate after ingest",
                            projected));
            ingestUnfinished = true;
        }
        String result = String.format(Locale.ROOT, "drain %.1f records/s vs ingest %.1f events/s (ratio %.2f)", drainRate,
                ingestRate, drainRate / ingestRate);
        String detail = String.format(Locale.ROOT, "%s; %,.0f records drained from the first event over %s; after ingest "
                        + "%.1f records/s (%,d records in %s)", lag, drained, duration(end - ingestStarted), afterIngest,
                atPhaseStart - queued, duration(end - phaseStart));
        System.out.println("  " + result + "; " + detail);
        rows.add(new Row(MEASURES.get("proposals"), result, detail));
    }

    /**
     * Records waiting in the matching database's {@code proposal_task} queue (the service's backlog
     * gauge is only refreshed when the queue is empty, so it cannot tell); -1 when there is no such queue.
     */
    private long proposalQueue() throws java.sql.SQLException {
        String url = "jdbc:postgresql://" + HOST + ":" + ports.postgres() + "/matching";
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "techbridge", "");
                java.sql.Statement statement = connection.createStatement()) {
            try (java.sql.ResultSet exists = statement.executeQuery("SELECT to_regclass('proposal_task') IS NOT NULL")) {
                exists.next();
                if (!exists.getBoolean(1)) {
                    return -1;
                }
            }
            try (java.sql.ResultSet count = statement.executeQuery("SELECT count(*) FROM proposal_task")) {
                count.next();
                return count.getLong(1);
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // 3. Raw Elasticsearch bulk
    // ------------------------------------------------------------------------------------------

    private void bulk() throws Exception {
        int n = Math.min(options.bulkDocs(), options.achievements());
        if (n <= 0) {
            throw new IllegalStateException("no achievements to index (--achievements 0)");
        }
        SplittableRandom random = new SplittableRandom(CorpusGenerator.mix(options.seed(), 0xB01CL));
        List<AchievementDocument> documents = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ObjectNode payload = corpus.achievement(i);
            documents.add(ListingDocuments.of(json.treeToValue(payload, AchievementPayload.class))
                    .withEmbedding(unitVector(random)));
        }
        IndexAdmin admin = new IndexAdmin(elasticsearch());
        DocumentIndexer indexer = new DocumentIndexer(elasticsearch());
        String index = admin.createIndex("benchmark-bulk-" + System.currentTimeMillis(),
                IndexAdmin.mapping(IndexAdmin.ACHIEVEMENTS));
        System.out.printf("  scratch index %s (production mapping of %s)%n", index, IndexAdmin.ACHIEVEMENTS);
        try {
            long deadline = deadline("bulk", CAPS.get("bulk"));
            long t0 = System.nanoTime();
            int sent = 0;
            while (sent < n && System.nanoTime() < deadline) {
                List<AchievementDocument> batch = documents.subList(sent, Math.min(n, sent + BULK_BATCH));
                indexer.indexAchievements(index, batch, false);
                sent += batch.size();
            }
            admin.refresh(index);
            long elapsed = System.nanoTime() - t0;
            long indexed = elasticsearch().count(c -> c.index(index)).count();
            if (indexed != sent) {
                throw new IllegalStateException("indexed " + indexed + " of " + sent + " documents");
            }
            double rate = sent / seconds(elapsed);
            System.out.printf("  %,d documents in %s: %,.0f docs/s%n", sent, duration(elapsed), rate);
            report.putObject("bulk").put("docsPerSecond", Math.round(rate));
            rows.add(new Row(MEASURES.get("bulk"),
                    String.format(Locale.ROOT, "%,.0f docs/s", rate),
                    String.format(Locale.ROOT, "%,d documents%s in %s; bulks of %d, one refresh at the end; no embedding",
                            sent, sent < options.achievements() ? " (sample: the first " + sent + " achievements)"
                                    : " (all achievements)", duration(elapsed), BULK_BATCH) + busyNote()));
        } finally {
            admin.deleteIndex(index);
            System.out.println("  scratch index deleted");
        }
    }

    private static float[] unitVector(SplittableRandom random) {
        float[] vector = new float[EmbeddingService.DIMENSIONS];
        double norm = 0;
        for (int k = 0; k < vector.length; k++) {
            vector[k] = (float) gaussian(random);
            norm += vector[k] * vector[k];
        }
        float scale = (float) (1 / Math.sqrt(norm));
        for (int k = 0; k < vector.length; k++) {
            vector[k] *= scale;
        }
        return vector;
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    // ------------------------------------------------------------------------------------------
    // 4. Raw embedding
    // ------------------------------------------------------------------------------------------

    private void embed() {
        List<String> texts = new ArrayList<>(options.embedTexts());
        for (int i = 0; i < options.achievements() && texts.size() < options.embedTexts(); i++) {
            texts.add(toAchievementDocument(envelope(corpus.achievement(i), "AchievementCreated", "Achievement"))
                    .embeddingText());
        }
        for (int i = 0; i < options.demands() && texts.size() < options.embedTexts(); i++) {
            texts.add(toDemandDocument(envelope(corpus.demand(i), "DemandCreated", "Demand")).embeddingText());
        }
        if (texts.isEmpty()) {
            throw new IllegalStateException("no corpus texts to embed");
        }
        long loading = System.nanoTime();
        EmbeddingService embeddings = new EmbeddingService();
        embeddings.embedAll(texts.subList(0, Math.min(options.embedBatch(), texts.size())));
        System.out.printf("  model loaded and warmed up in %s%n", duration(System.nanoTime() - loading));
        long deadline = deadline("embed", CAPS.get("embed"));
        long t0 = System.nanoTime();
        int embedded = 0;
        for (int from = 0; from < texts.size() && System.nanoTime() < deadline; from += options.embedBatch()) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + options.embedBatch()));
            List<float[]> vectors = embeddings.embedAll(batch);
            if (vectors.size() != batch.size() || vectors.getFirst().length != EmbeddingService.DIMENSIONS) {
                throw new IllegalStateException("the model returned " + vectors.size() + " vectors for " + batch.size());
            }
            embedded += batch.size();
        }
        long elapsed = System.nanoTime() - t0;
        double rate = embedded / seconds(elapsed);
        double chars = texts.stream().mapToInt(String::length).average().orElse(0);
        report.putObject("embed").put("textsPerSecond", round1(rate));
        System.out.printf("  %,d texts (title。summary, %.0f chars on average) in %s: %.1f texts/s%n", embedded, chars,
                duration(elapsed), rate);
        rows.add(new Row(MEASURES.get("embed"),
                String.format(Locale.ROOT, "%.1f texts/s", rate),
                String.format(Locale.ROOT, "%,d corpus texts of %.0f chars on average, batches of %d, in %s", embedded, chars,
                        options.embedBatch(), duration(elapsed)) + busyNote()));
    }

    // ------------------------------------------------------------------------------------------
    // 5. Match query latency
    // ------------------------------------------------------------------------------------------

    /** Both sides' rankings, each beside the same Elasticsearch requests sent raw; half the phase's time each. */
    private void query() throws Exception {
        RawRanking raw = RawRanking.withServiceDefaults(elasticsearch());
        System.out.println("  raw reference: the matcher's requests with " + raw.describe());
        long deadline = deadline("query", CAPS.get("query"));
        long half = System.nanoTime() + (deadline - System.nanoTime()) / 2;
        List<String> demands = demandIds();
        if (demands.isEmpty()) {
            throw new IllegalStateException("no demand is indexed: run the ingest phase first");
        }
        System.out.println("  demand side:");
        ranking("query", "demandSide", demands, IndexAdmin.DEMANDS,
                id -> matchingUrl("/api/demands/" + id + "/matches?limit=10"), raw::forDemand, half);
        List<String> achievements = achievementIds();
        if (achievements.isEmpty()) {
            throw new IllegalStateException("no achievement is in the pool");
        }
        System.out.println("  achievement side:");
        ranking("query-achievement", "achievementSide", achievements, IndexAdmin.ACHIEVEMENTS,
                id -> matchingUrl("/api/achievements/" + id + "/matches?limit=10"), raw::forAchievement, deadline);
    }

    private interface RawCall {
        /** The fused candidates of the record's raw ranking, -1 when the record is not indexed. */
        int rank(String id) throws IOException;
    }

    /**
     * Sequential calls of one side's ranking API, each followed or preceded (alternately, so
     * neither profits from the other's caches) by its raw Elasticsearch requests for the same
     * record, from the read of the record itself on.
     */
    private void ranking(String measure, String side, List<String> ids, String index,
            java.util.function.Function<String, String> url, RawCall raw, long deadline) throws Exception {
        SplittableRandom random = new SplittableRandom(CorpusGenerator.mix(options.seed(), side.hashCode()));
        int warm = 0;
        for (int k = 0; k < options.warmup() && System.nanoTime() < deadline; k++) {
            String id = ids.get(random.nextInt(ids.size()));
            HttpResponse<String> response = get(url.apply(id));
            if (response.statusCode() != 200) {
                throw new IllegalStateException("warm-up call answered " + response.statusCode() + ": " + abbreviate(response.body()));
            }
            raw.rank(id);
            warm++;
        }
        long[] api = new long[options.queries()];
        long[] direct = new long[options.queries()];
        int n = 0;
        int errors = 0;
        long matches = 0;
        long candidates = 0;
        String firstError = null;
        for (int k = 0; k < options.queries() && System.nanoTime() < deadline; k++) {
            String id = ids.get(random.nextInt(ids.size()));
            long apiNanos = -1;
            long rawNanos = -1;
            int fused = 0;
            HttpResponse<String> response = null;
            for (int turn = 0; turn < 2; turn++) {
                if ((turn == 0) == (k % 2 == 0)) {
                    long t0 = System.nanoTime();
                    response = get(url.apply(id));
                    apiNanos = System.nanoTime() - t0;
                } else {
                    long t0 = System.nanoTime();
                    fused = raw.rank(id);
                    rawNanos = System.nanoTime() - t0;
                }
            }
            if (fused < 0) {
                errors++;
                firstError = firstError != null ? firstError : id + " is not in " + index;
                continue;
            }
            candidates += fused;
            if (response.statusCode() != 200) {
                errors++;
                firstError = firstError != null ? firstError : "answered " + response.statusCode() + ": "
                        + abbreviate(response.body(), 120);
                continue;
            }
            matches += json.readTree(response.body()).size();
            api[n] = apiNanos;
            direct[n++] = rawNanos;
        }
        if (n == 0) {
            throw new IllegalStateException("every " + side + " call failed: " + firstError);
        }
        long[] apiSorted = Arrays.copyOf(api, n);
        long[] rawSorted = Arrays.copyOf(direct, n);
        Arrays.sort(apiSorted);
        Arrays.sort(rawSorted);
        long apiP50 = percentile(apiSorted, 50);
        long apiP99 = percentile(apiSorted, 99);
        long rawP50 = percentile(rawSorted, 50);
        long rawP99 = percentile(rawSorted, 99);
        double ratio = (double) apiP50 / rawP50;
        String detail = String.format(Locale.ROOT, "%d sequential calls (%d warm-up first) over %,d records; mean %s, max %s; "
                        + "%.1f matches per answer%s", n, warm, ids.size(), millis(mean(apiSorted)), millis(apiSorted[n - 1]),
                (double) matches / n, errors > 0 ? "; " + errors + " failed (" + firstError + ")" : "");
        String rawDetail = String.format(Locale.ROOT, "same %d records, client wall time of the sequence; mean %s, max %s; "
                        + "%.1f fused candidates; API ÷ raw: %.1f× at p50, %.1f× at p99", n, millis(mean(rawSorted)),
                millis(rawSorted[n - 1]), (double) candidates / n, ratio, (double) apiP99 / rawP99);
        System.out.printf("    API p50 %s, p99 %s; raw Elasticsearch p50 %s, p99 %s; API ÷ raw %.1f× (p50)%n    %s%n",
                millis(apiP50), millis(apiP99), millis(rawP50), millis(rawP99), ratio, detail);
        rows.add(new Row(MEASURES.get(measure), "p50 " + millis(apiP50) + ", p99 " + millis(apiP99), detail + busyNote()));
        rows.add(new Row(MEASURES.get(measure + "-raw"), "p50 " + millis(rawP50) + ", p99 " + millis(rawP99), rawDetail));
        ObjectNode figures = (report.has("ranking") ? (ObjectNode) report.get("ranking") : report.putObject("ranking"))
                .putObject(side);
        figures.put("p50Ms", round1(apiP50 / 1e6));
        figures.put("p99Ms", round1(apiP99 / 1e6));
        figures.put("rawP50Ms", round1(rawP50 / 1e6));
        figures.put("rawP99Ms", round1(rawP99 / 1e6));
        figures.put("ratioP50", Math.round(ratio * 100) / 100.0);
        figures.put("calls", n);
        if (errors > 0) {
            failures.add(measure);
        }
    }

    /** The corpus demands when this run ingested them all, else demands already in the matching pool. */
    private List<String> demandIds() throws IOException {
        if (ingested && !ingestUnfinished && options.demands() > 0) {
            List<String> ids = new ArrayList<>(options.demands());
            for (int i = 0; i < options.demands(); i++) {
                ids.add(corpus.demandId(i).toString());
            }
            return ids;
        }
        return poolIds(IndexAdmin.DEMANDS);
    }

    /** The published corpus achievements when this run ingested them all, else achievements in the pool. */
    private List<String> achievementIds() throws IOException {
        if (ingested && !ingestUnfinished && options.achievements() > 0) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < Math.min(options.achievements(), 5000); i++) {
                if (corpus.achievement(i).get("status").asText().equals("PUBLISHED")) {
                    ids.add(corpus.achievementId(i).toString());
                }
            }
            return ids;
        }
        return poolIds(IndexAdmin.ACHIEVEMENTS);
    }

    private List<String> poolIds(String index) throws IOException {
        SearchResponse<Void> response = elasticsearch().search(s -> s.index(index).size(1000)
                .query(q -> q.term(t -> t.field("inPool").value(true))).source(src -> src.fetch(false)), Void.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }

    // ------------------------------------------------------------------------------------------
    // 6. Freshness
    // ------------------------------------------------------------------------------------------

    /**
     * From the 201 of a create to the first 200 of its ranking, while a background producer keeps
     * matching-service busy with {@value #BACKGROUND_RATE} achievement events a second. A create the
     * near-duplicate check refuses (409 possible-duplicate) is confirmed as an office would, by
     * sending it again with {@code ?duplicates=confirmed}; the time runs from that 201.
     */
    private void freshness() throws Exception {
        String failed = failedConsumers();
        if (failed != null) {
            throw new IllegalStateException("matching-service is not consuming, nothing can become matchable: " + failed);
        }
        long[] latencies = new long[options.freshness()];
        int timeoutsInARow = 0;
        int n = 0;
        int errors = 0;
        int confirmed = 0;
        String firstError = null;
        long deadline = deadline("freshness", CAPS.get("freshness"));
        double appliedBefore = appliedCounter();
        long started = System.nanoTime();
        try (BackgroundLoad load = new BackgroundLoad()) {
            for (int k = 0; k < options.freshness() && System.nanoTime() < deadline; k++) {
                ObjectNode body = corpus.achievementRequest(FRESHNESS_INDEX_BASE + k);
                universityOrganisation().ifPresent(org -> body.put("organisationId", org));
                String payload = json.writeValueAsString(body);
                HttpResponse<String> created = post(achievementUrl("/api/achievements"), payload);
                if (created.statusCode() == 409 && created.body().contains("possible-duplicate")) {
                    created = post(achievementUrl("/api/achievements?duplicates=confirmed"), payload);
                    confirmed++;
                }
                long t201 = System.nanoTime();
                if (created.statusCode() != 201) {
                    errors++;
                    firstError = firstError != null ? firstError
                            : "POST answered " + created.statusCode() + ": " + abbreviate(created.body());
                    continue;
                }
                String id = json.readTree(created.body()).path("id").asText();
                String url = matchingUrl("/api/achievements/" + id + "/matches?limit=10");
                long giveUp = Math.min(t201 + FRESHNESS_TIMEOUT.toNanos(), Math.max(deadline, t201 + POLL.toNanos()));
                long seenAt = -1;
                int lastStatus = 0;
                while (System.nanoTime() < giveUp) {
                    HttpResponse<String> response = get(url);
                    lastStatus = response.statusCode();
                    if (lastStatus == 200) {
                        seenAt = System.nanoTime();
                        break;
                    }
                    Thread.sleep(POLL.toMillis());
                }
                if (seenAt < 0) {
                    errors++;
                    firstError = firstError != null ? firstError : "achievement " + id + " not matchable within "
                            + duration(giveUp - t201) + " (last answer " + lastStatus + ")";
                    if (++timeoutsInARow >= 3) {
                        String why = failedConsumers();
                        throw new IllegalStateException("3 achievements in a row not matchable within "
                                + FRESHNESS_TIMEOUT.toSeconds() + " s" + (why == null ? "" : ": " + why));
                    }
                    continue;
                }
                timeoutsInARow = 0;
                latencies[n++] = seenAt - t201;
            }
            long elapsed = System.nanoTime() - started;
            double appliedAfter = appliedCounter();
            String background = String.format(Locale.ROOT, "background: %,d events published (%.1f/s: %,d updates, %,d creates)"
                            + "%s", load.sent(), load.sent() / seconds(elapsed), load.updates(), load.sent() - load.updates(),
                    Double.isNaN(appliedBefore) || Double.isNaN(appliedAfter) ? ""
                            : String.format(Locale.ROOT, ", %,.0f events applied meanwhile", appliedAfter - appliedBefore));
            if (load.failures() > 0) {
                background += "; " + load.failures() + " not accepted by Kafka";
            }
            if (n == 0) {
                throw new IllegalStateException("no achievement became matchable: " + firstError + "; " + background);
            }
            long[] measured = Arrays.copyOf(latencies, n);
            Arrays.sort(measured);
            String detail = String.format(Locale.ROOT, "%d published achievements (%d confirmed as not duplicates), one after "
                            + "another, polled every %d ms; mean %s, max %s; %s%s", n, confirmed, POLL.toMillis(),
                    millis(mean(measured)), millis(measured[n - 1]), background,
                    errors > 0 ? "; " + errors + " failed (" + firstError + ")" : "");
            System.out.printf("  p50 %s, p99 %s; %s%n", millis(percentile(measured, 50)), millis(percentile(measured, 99)),
                    detail);
            rows.add(new Row(MEASURES.get("freshness"),
                    "p50 " + millis(percentile(measured, 50)) + ", p99 " + millis(percentile(measured, 99)),
                    detail + busyNote()));
            ObjectNode figures = report.putObject("freshness");
            figures.put("p50Ms", round1(percentile(measured, 50) / 1e6));
            figures.put("p99Ms", round1(percentile(measured, 99) / 1e6));
            figures.put("posts", n);
            figures.put("confirmedDuplicates", confirmed);
            figures.put("backgroundEventsPerSecond", round1(load.sent() / seconds(elapsed)));
        }
        if (errors > 0) {
            failures.add("freshness");
        }
    }

    /**
     * {@value #BACKGROUND_RATE} achievement events a second onto achievement-events, in the ingest's
     * envelope: edits of the corpus achievements (their summary grows a sentence, so the text is
     * embedded again and the proposals recomputed) and, every other event or when no corpus was
     * ingested, new achievements.
     */
    private final class BackgroundLoad implements AutoCloseable {
        private final KafkaProducer<String, String> producer = producer();
        private final java.util.concurrent.ScheduledExecutorService timer =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread thread = new Thread(r, "background-load");
                    thread.setDaemon(true);
                    return thread;
                });
        private final AtomicLong sent = new AtomicLong();
        private final AtomicLong updates = new AtomicLong();
        private final AtomicLong failures = new AtomicLong();
        private final int editable = ingested ? options.achievements() : 0;

        BackgroundLoad() {
            timer.scheduleAtFixedRate(this::publish, 0, 1000 / BACKGROUND_RATE, java.util.concurrent.TimeUnit.MILLISECONDS);
        }

        private void publish() {
            try {
                long k = sent.get();
                boolean update = editable > 0 && k % 2 == 0;
                ObjectNode payload;
                if (update) {
                    long edit = updates.getAndIncrement();
                    payload = corpus.achievement((int) (edit % editable));
                    payload.put("version", 2 + edit / editable);
                    payload.put("summary", payload.get("summary").asText() + "第" + (2 + edit / editable) + "版补充了应用案例。");
                    payload.put("updatedAt", Instant.now().toString());
                } else {
                    payload = corpus.achievement(BACKGROUND_INDEX_BASE + (int) (k - updates.get()));
                }
                String type = update ? "AchievementUpdated" : "AchievementCreated";
                ObjectNode envelope = envelope(payload, type, AchievementPayload.AGGREGATE_TYPE);
                ProducerRecord<String, String> record = new ProducerRecord<>("achievement-events",
                        payload.get("id").asText(), json.writeValueAsString(envelope));
                record.headers().add("event-type", type.getBytes(StandardCharsets.UTF_8));
                record.headers().add("event-id", envelope.get("eventId").asText().getBytes(StandardCharsets.UTF_8));
                producer.send(record, (metadata, e) -> {
                    if (e != null) {
                        failures.incrementAndGet();
                    }
                });
                sent.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                failures.incrementAndGet();
            }
        }

        long sent() {
            return sent.get();
        }

        long updates() {
            return updates.get();
        }

        long failures() {
            return failures.get();
        }

        @Override
        public void close() {
            timer.shutdownNow();
            producer.close(Duration.ofSeconds(10));
        }
    }

    // ------------------------------------------------------------------------------------------
    // 7. Memory
    // ------------------------------------------------------------------------------------------

    /**
     * The resident memory of each process deploy/local started, found by the pid files it keeps in
     * the data folder (as deploy/local/status does). A process's children (PostgreSQL's backends)
     * add their anonymous memory only: their shared buffers and code are the parent's pages, which
     * VmRSS would count once per process.
     */
    private void memory() throws IOException {
        Path data = dataDir();
        Map<String, Path> pidFiles = new LinkedHashMap<>();
        pidFiles.put("postgresql", data.resolve("postgres/data/postmaster.pid"));
        pidFiles.put("kafka", data.resolve("kafka/kafka.pid"));
        pidFiles.put("elasticsearch", data.resolve("elasticsearch/elasticsearch.pid"));
        for (String service : List.of("gateway", "achievement-service", "demand-service", "matching-service")) {
            pidFiles.put(service, data.resolve("services/" + service + ".pid"));
        }
        ObjectNode figures = report.putObject("memoryMb");
        List<String> parts = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        long total = 0;
        for (Map.Entry<String, Path> entry : pidFiles.entrySet()) {
            java.util.Optional<ProcessHandle> process = Files.exists(entry.getValue())
                    ? ProcessHandle.of(Long.parseLong(Files.readAllLines(entry.getValue()).getFirst().strip()))
                    .filter(ProcessHandle::isAlive) : java.util.Optional.empty();
            if (process.isEmpty()) {
                missing.add(entry.getKey());
                continue;
            }
            long kilobytes = statusKilobytes(process.get().pid(), "VmRSS:");
            List<ProcessHandle> children = process.get().descendants().toList();
            for (ProcessHandle child : children) {
                kilobytes += statusKilobytes(child.pid(), "RssAnon:");
            }
            long megabytes = Math.round(kilobytes / 1024.0);
            total += megabytes;
            figures.put(entry.getKey(), megabytes);
            String line = String.format(Locale.ROOT, "%s %,d MB", entry.getKey(), megabytes);
            parts.add(children.isEmpty() ? line : line + " (+" + children.size() + " child processes)");
            System.out.printf("  %-20s pid %-8d %,6d MB%s%n", entry.getKey(), process.get().pid(), megabytes,
                    children.isEmpty() ? "" : " (VmRSS + RssAnon of " + children.size() + " child processes)");
        }
        if (parts.isEmpty()) {
            throw new IllegalStateException("no process of the stack found through the pid files under " + data);
        }
        figures.put("total", total);
        System.out.printf("  %-20s %,15d MB%n", "total", total);
        rows.add(new Row(MEASURES.get("memory"), String.format(Locale.ROOT, "%,d MB in total", total),
                String.join("; ", parts) + (missing.isEmpty() ? "" : "; not running: " + String.join(", ", missing))
                        + "; at the end of the run"));
    }

    /** A figure of /proc/PID/status in kB; 0 when the process has gone. */
    private static long statusKilobytes(long pid, String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // gone meanwhile
        }
        return 0;
    }

    /** The stack's data folder, as deploy/local resolves it. */
    private static Path dataDir() {
        Path root = Path.of(System.getProperty("techbridge.root", "."));
        return Path.of(System.getenv().getOrDefault("TECHBRIDGE_DATA_DIR", root.resolve("deploy/local/data").toString()));
    }

    // ------------------------------------------------------------------------------------------
    // Report
    // ------------------------------------------------------------------------------------------

    /** Every figure as JSON (--json FILE); the members of phases not run are absent. */
    private void writeJson(String loadBefore, long wallNanos) {
        if (options.jsonFile() == null) {
            return;
        }
        if (report.has("ingest") && report.has("embed")) {
            ObjectNode ingest = (ObjectNode) report.get("ingest");
            double rawEmbedding = report.get("embed").get("textsPerSecond").asDouble();
            ingest.put("rawEmbeddingPerSecond", rawEmbedding);
            ingest.put("ratio", Math.round(ingest.get("eventsPerSecond").asDouble() / rawEmbedding * 100) / 100.0);
        }
        ObjectNode machine = report.putObject("machine");
        machine.put("cores", Runtime.getRuntime().availableProcessors());
        machine.put("loadAverageBefore", loadBefore);
        machine.put("loadAverageAfter", loadAverage());
        machine.put("wallSeconds", Math.round(wallNanos / 1e9));
        failures.forEach(report.putArray("failed")::add);
        try {
            Files.writeString(options.jsonFile(), json.writerWithDefaultPrettyPrinter().writeValueAsString(report) + "\n");
            System.out.println("json:      " + options.jsonFile().toAbsolutePath());
        } catch (IOException e) {
            System.out.println("FAILED to write " + options.jsonFile() + ": " + e.getMessage());
            failures.add("json");
        }
    }

    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** A figure that may be unknown (NaN): left out then. */
    private static void putRounded(ObjectNode node, String name, double value) {
        if (!Double.isNaN(value) && !Double.isInfinite(value)) {
            node.put(name, Math.round(value * 100) / 100.0);
        }
    }

    private void printTable(String corpusLine, String loadBefore, long wallNanos) {
        System.out.println();
        System.out.println("== TechBridge matching benchmark: results ==");
        System.out.println();
        System.out.println("| measure | result | detail |");
        System.out.println("|---|---|---|");
        for (Row row : rows) {
            System.out.printf("| %s | %s | %s |%n", row.measure(), row.result(), row.detail());
        }
        System.out.println();
        System.out.println("corpus:    " + corpusLine);
        System.out.printf("machine:   %d cores, %s, Java %s; load average %s before, %s after%n",
                Runtime.getRuntime().availableProcessors(), machineMemory(), Runtime.version(), loadBefore, loadAverage());
        System.out.println("wall time: " + duration(wallNanos));
        if (!failures.isEmpty()) {
            System.out.println("FAILED:    " + String.join(", ", failures));
        }
    }

    private String busyNote() {
        return ingestUnfinished ? " [measured while matching-service may still be busy with the corpus]" : "";
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static String machineMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Math.round(Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0) + " GB";
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown
        }
        return "? GB";
    }

    static long percentile(long[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long mean(long[] values) {
        return (long) Arrays.stream(values).average().orElse(0);
    }

    private static double seconds(long nanos) {
        return Math.max(nanos, 1) / 1e9;
    }

    static String millis(long nanos) {
        double ms = nanos / 1e6;
        return ms < 10 ? String.format(Locale.ROOT, "%.1f ms", ms) : String.format(Locale.ROOT, "%.0f ms", ms);
    }

    static String duration(long nanos) {
        double s = nanos / 1e9;
        if (s < 60) {
            return String.format(Locale.ROOT, "%.1f s", s);
        }
        long whole = Math.round(s);
        return whole / 60 + " min " + whole % 60 + " s";
    }

    private static String abbreviate(String text) {
        return abbreviate(text, 300);
    }

    private static String abbreviate(String text, int max) {
        String flat = text == null ? "" : text.replaceAll("\\s+", " ");
        return flat.length() > max ? flat.substring(0, max) + "…" : flat;
    }

    // ------------------------------------------------------------------------------------------
    // Clients (127.0.0.1 only)
    // ------------------------------------------------------------------------------------------

    private String matchingUrl(String path) {
        return "http://" + HOST + ":" + ports.matching() + path;
    }

    private String achievementUrl(String path) {
        return "http://" + HOST + ":" + ports.achievement() + path;
    }

    /** Reads as the demo broker (who may see every ranking), when the stack has accounts. */
    private HttpResponse<String> get(String url) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT).GET();
        login("broker").ifPresent(l -> request.header("Authorization", "Bearer " + l[0]));
        return send(request.build());
    }

    /** Writes as the demo university, when the stack has accounts. */
    private HttpResponse<String> post(String url, String body) throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(HTTP_TIMEOUT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        login("university").ifPresent(l -> request.header("Authorization", "Bearer " + l[0]));
        return send(request.build());
    }

    /** The demo university's organisation, which owns what the benchmark creates; empty without accounts. */
    private java.util.Optional<String> universityOrganisation() {
        return login("university").map(l -> l[1]);
    }

    /** A demo account's login; its access token lives 50 s and is renewed with the refresh token. */
    private static final class DemoLogin {
        final String username;
        final String password;
        final String organisationId;
        String accessToken;
        String refreshToken;
        long renewAt;

        DemoLogin(String username, String password, String organisationId) {
            this.username = username;
            this.password = password;
            this.organisationId = organisationId;
        }
    }

    /**
     * Logs the demo accounts of {@code <data dir>/demo-accounts.json} in at the gateway, once; a
     * stack without them (an older one) is called without tokens. Returns the role's access token,
     * renewed first when less than 15 s of it are left, and its organisation.
     */
    private synchronized java.util.Optional<String[]> login(String role) {
        if (logins == null) {
            logins = new java.util.HashMap<>();
            java.nio.file.Path accounts = dataDir().resolve("demo-accounts.json");
            if (java.nio.file.Files.exists(accounts)) {
                try {
                    for (com.fasterxml.jackson.databind.JsonNode account : json.readTree(accounts.toFile())) {
                        DemoLogin demo = new DemoLogin(account.path("username").asText(), account.path("password").asText(),
                                account.path("organisationId").asText());
                        logIn(demo);
                        logins.put(account.path("role").asText(), demo);
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException("cannot log the demo accounts in at the gateway", e);
                }
            }
        }
        DemoLogin demo = logins.get(role);
        if (demo == null) {
            return java.util.Optional.empty();
        }
        if (System.nanoTime() - demo.renewAt >= 0) {
            try {
                HttpResponse<String> refreshed = gatewayPost("/api/auth/refresh", Map.of("refreshToken", demo.refreshToken));
                if (refreshed.statusCode() == 200) {
                    take(demo, refreshed.body());
                } else {
                    logIn(demo);
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot renew the token of demo " + role, e);
            }
        }
        return java.util.Optional.of(new String[] {demo.accessToken, demo.organisationId});
    }

    private void logIn(DemoLogin demo) throws IOException {
        HttpResponse<String> response = gatewayPost("/api/auth/login", Map.of("username", demo.username,
                "password", demo.password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of demo " + demo.username + " answered " + response.statusCode() + ": "
                    + abbreviate(response.body()));
        }
        take(demo, response.body());
    }

    private void take(DemoLogin demo, String answer) throws IOException {
        com.fasterxml.jackson.databind.JsonNode body = json.readTree(answer);
        demo.accessToken = body.path("accessToken").asText();
        demo.refreshToken = body.path("refreshToken").asText();
        long lifetime = body.path("expiresIn").asLong(50);
        demo.renewAt = System.nanoTime() + Duration.ofSeconds(lifetime - Math.min(15, lifetime / 3)).toNanos();
    }

    private HttpResponse<String> gatewayPost(String path, Map<String, String> body) throws IOException {
        int gateway = Ports.port(System.getenv(), "TECHBRIDGE_GATEWAY_PORT", 8080);
        return send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":" + gateway + path))
                .timeout(HTTP_TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8)).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private ElasticsearchClient elasticsearch() {
        if (elasticsearch == null) {
            Rest5Client rest = Rest5Client.builder(URI.create("http://" + HOST + ":" + ports.elasticsearch())).build();
            transport = new Rest5ClientTransport(rest, new JacksonJsonpMapper(json));
            elasticsearch = new ElasticsearchClient(transport);
        }
        return elasticsearch;
    }

    private void closeElasticsearch() {
        if (transport != null) {
            try {
                transport.close();
            } catch (IOException e) {
                // leaving anyway
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // Options
    // ------------------------------------------------------------------------------------------

    static String usage() {
        return """
                usage: matching-service/benchmark [options]
                Runs against a running local stack (deploy/local/up); ports from TECHBRIDGE_ACHIEVEMENT_PORT,
                TECHBRIDGE_MATCHING_PORT, TECHBRIDGE_KAFKA_PORT, TECHBRIDGE_ES_PORT, TECHBRIDGE_PG_PORT
                (default 8081, 8083, 9092, 9200, 15432).

                  --achievements N    corpus achievements published as events (default 100000)
                  --prefill-achievements N
                                      first bulk-index N more corpus achievements straight into the live
                                      index (vectors: embedded texts of their field, jittered), so that
                                      rankings run over a large index without embedding it all (default 0)
                  --prefill-texts N   texts embedded for the prefill's vectors (default 2000)
                  --demands N         corpus demands published as events (default 10000)
                  --seed S            corpus seed: same seed, same texts and attributes (default 20240601)
                  --run-tag HEX       derives the record ids (default: random, so a rerun adds new records)
                  --bulk-docs N       raw bulk: at most this many corpus achievements (default 20000)
                  --embed-texts N     raw embedding: corpus texts embedded (default 2000)
                  --embed-batch N     raw embedding batch size (default 64)
                  --queries N         match queries measured (default 300, at least 1)
                  --warmup N          match queries before measuring (default 30)
                  --freshness N       achievements posted for the freshness measure (default 50)
                  --ingest-timeout M  minutes to wait for ingest and proposals (default 5 min + 1 s per event)
                  --stall-timeout S   seconds without ingest progress before giving up (default 300)
                  --proposal-window M after ingest, wait at most M minutes for the proposal queue to empty
                                      (default: as long as the budget and the ingest timeout allow)
                  --budget M          minutes for the whole run (default 15; 0: none): ingest and the proposal
                                      queue are waited for only as long as the later phases still fit; every
                                      phase stops at its own cap (bulk, embed 2 min; query 4; freshness 3)
                  --json FILE         also write every figure to FILE as JSON
                  --skip P[,P...]     leave out phases: ingest, proposals, bulk, embed, query, freshness, memory
                  --help              this text
                Quick run: --achievements 3000 --demands 300""";
    }

    static Options parse(String[] args) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            if (arg.equals("--help") || arg.equals("-h")) {
                return null;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + arg + "'");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (k + 1 < args.length) {
                value = args[++k];
            } else {
                throw new IllegalArgumentException("--" + name + " needs a value");
            }
            values.put(name, value);
        }
        Set<String> known = Set.of("achievements", "demands", "seed", "run-tag", "bulk-docs", "embed-texts", "embed-batch",
                "queries", "warmup", "freshness", "ingest-timeout", "stall-timeout", "proposal-window", "budget", "json", "skip",
                "prefill-achievements", "prefill-texts");
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
        }
        int achievements = number(values, "achievements", 100_000, 0, 10_000_000);
        int demands = number(values, "demands", 10_000, 0, 10_000_000);
        long seed = Long.parseLong(values.getOrDefault("seed", "20240601"));
        long runTag = values.containsKey("run-tag") ? Long.parseUnsignedLong(values.get("run-tag"), 16)
                : new java.security.SecureRandom().nextLong();
        Set<String> phases = new LinkedHashSet<>(PHASES);
        if (values.containsKey("skip")) {
            for (String phase : values.get("skip").split(",")) {
                if (!phases.remove(phase.strip())) {
                    throw new IllegalArgumentException("--skip: unknown phase '" + phase + "' (" + String.join(", ", PHASES) + ")");
                }
            }
        }
        // A cap only (it gives up when the average drops below one event a second): the stall timeout
        // and the consumers' health end a stuck ingest long before.
        long defaultTimeout = 300 + achievements + demands;
        int budget = number(values, "budget", 15, 0, 7 * 24 * 60);
        return new Options(achievements, demands, seed, runTag,
                number(values, "bulk-docs", 20_000, 1, 10_000_000),
                number(values, "embed-texts", 2_000, 1, 1_000_000),
                number(values, "embed-batch", 64, 1, 1024),
                number(values, "queries", 300, 1, 1_000_000),
                number(values, "warmup", 30, 0, 100_000),
                number(values, "freshness", 50, 1, 10_000),
                values.containsKey("ingest-timeout")
                        ? Duration.ofMinutes(number(values, "ingest-timeout", 0, 1, 7 * 24 * 60))
                        : Duration.ofSeconds(defaultTimeout),
                Duration.ofSeconds(number(values, "stall-timeout", 300, 10, 24 * 3600)),
                values.containsKey("proposal-window")
                        ? Duration.ofMinutes(number(values, "proposal-window", 0, 1, 7 * 24 * 60)) : null,
                budget == 0 ? null : Duration.ofMinutes(budget),
                values.containsKey("json") ? Path.of(values.get("json")) : null,
                phases,
                number(values, "prefill-achievements", 0, 0, PREFILL_INDEX_BASE / 2),
                number(values, "prefill-texts", 2_000, 1, 100_000));
    }

    private static int number(Map<String, String> values, String name, int defaultValue, int min, int max) {
        String value = values.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(value.strip().replace("_", ""));
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a whole number from " + min + " to " + max);
    }
}
