package io.techbridge.matching.tools;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.LogDirDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.ReplicaInfo;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Capacity report: what TechBridge's data costs in Elasticsearch, PostgreSQL and Kafka per record,
 * measured against a running stack, and the same figures extrapolated to a target size. Run it by
 * {@code deploy/cluster/capacity} (see deploy/cluster/README.md, "Capacity plan").
 *
 * <ul>
 *   <li>{@code --load-achievements N --load-demands N}: first creates that many corpus records through
 *       the services' APIs (so they go database → outbox → Kafka → matching, as real ones do) and waits
 *       until matching-service has indexed them and its proposal queue is empty;</li>
 *   <li>Elasticsearch: each alias's index, force-merged to one segment, its store and {@code _disk_usage}
 *       per field, the Lucene files by extension, the node's heap and segment figures;</li>
 *   <li>{@code --quantization}: the achievements' vectors copied into one-field indices whose {@code embedding} is
 *       {@code hnsw} (float32), {@code int8_hnsw} and {@code bbq_hnsw}, their vector files compared, and
 *       ({@code --recall-queries N}) k-NN recall and latency against exact cosine;</li>
 *   <li>PostgreSQL: database and table sizes of the three services' databases, the outbox's age;</li>
 *   <li>Kafka: bytes per event of every topic (log size ÷ offsets).</li>
 * </ul>
 */
public final class CapacityReport {

    private static final String HOST = "127.0.0.1";
    private static final List<String> DATABASES = List.of("achievement", "demand", "matching");
    private static final List<String> QUANTIZATIONS = List.of("hnsw", "int8_hnsw", "bbq_hnsw");
    /** Files a fast k-NN search reads at random: what must stay in the page cache. */
    private static final Map<String, String> VECTOR_FILES = Map.of(
            "vec", "float32 vectors", "vex", "HNSW graph", "veq", "int8-quantized vectors",
            "veb", "binary-quantized (BBQ) vectors", "vem", "vector metadata", "vemf", "vector metadata",
            "vemq", "quantized vector metadata", "vemb", "BBQ metadata");
    private static final Duration HTTP_TIMEOUT = Duration.ofMinutes(30);
    /**
     * Records fully ingested (embedded, indexed, proposed) per second on one 2-core machine running
     * everything: 20,000 records of the 100,000 benchmark of 6 Dec 2026 had all their proposals 1,520 s
     * after the first event (889 s ingest + 631 s of proposal queue); matching-service/README.md.
     */
    private static final double RECORDS_PER_UNIT = 20_000 / 1_520.0;

    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final Map<String, String> env = System.getenv();
    private final int esPort = port("TECHBRIDGE_ES_PORT", 9200);
    private final int pgPort = port("TECHBRIDGE_PG_PORT", 15432);
    private final int kafkaPort = port("TECHBRIDGE_KAFKA_PORT", 9092);
    private final ObjectNode report = json.createObjectNode();
    private final Options options;

    record Options(int loadAchievements, int loadDemands, int threads, boolean quantization, int recallQueries,
            boolean merge, long targetAchievements, long targetDemands, double recordsPerUnit, Path jsonFile,
            Path markdownFile, Set<String> skip, boolean reuseCopies) {
    }

    private CapacityReport(Options options) {
        this.options = options;
    }

    public static void main(String[] args) throws Exception {
        MatchingBenchmark.quietLogging();
        Options options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(usage());
            return;
        }
        new CapacityReport(options).run();
    }

    static String usage() {
        return """
                deploy/cluster/capacity [options]: sizes per record of Elasticsearch, PostgreSQL and Kafka on a
                running stack, and their extrapolation. Ports: TECHBRIDGE_ES_PORT, _PG_PORT, _KAFKA_PORT, and for
                --load-* _GATEWAY_PORT, _ACHIEVEMENT_PORT, _DEMAND_PORT (deploy/README.md).

                  --load-achievements N  first create N corpus achievements through achievement-service (default 0)
                  --load-demands N       first create N corpus demands through demand-service (default 0)
                  --threads T            parallel requests of the load (default 4)
                  --quantization         copy the achievements into hnsw / int8_hnsw / bbq_hnsw indices, compare
                  --recall-queries N     with --quantization: k-NN queries (demand vectors) against exact cosine (default 200)
                  --reuse-copies         with --quantization: measure the copies left by an earlier run as they are
                  --no-merge             measure without force-merging to one segment first
                  --skip S[,S...]        leave out sections: elasticsearch, postgres, kafka
                  --target-achievements N, --target-demands N  the extrapolation's size (default 10,000,000 and 1,000,000)
                  --records-per-unit R   records/s fully ingested per 2 matching + 2 Elasticsearch cores (default 13.2,
                                         measured by matching-service/benchmark, 6 Dec 2026)
                  --json FILE            every figure as JSON
                  --markdown FILE        the tables as Markdown""";
    }

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int k = 0; k < args.length; k++) {
            String arg = args[k];
            switch (arg) {
                case "--help", "-h" -> {
                    return null;
                }
                case "--quantization", "--no-merge", "--reuse-copies" -> flags.add(arg.substring(2));
                case "--load-achievements", "--load-demands", "--threads", "--recall-queries", "--target-achievements",
                        "--target-demands", "--records-per-unit", "--json", "--markdown", "--skip" -> {
                    if (k + 1 >= args.length) {
                        throw new IllegalArgumentException(arg + " needs a value");
                    }
                    values.put(arg.substring(2), args[++k]);
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new Options(number(values, "load-achievements", 0), number(values, "load-demands", 0),
                Math.max(1, number(values, "threads", 4)), flags.contains("quantization"),
                number(values, "recall-queries", 200), !flags.contains("no-merge"),
                number(values, "target-achievements", 10_000_000), number(values, "target-demands", 1_000_000),
                Double.parseDouble(values.getOrDefault("records-per-unit", String.valueOf(RECORDS_PER_UNIT))),
                values.containsKey("json") ? Path.of(values.get("json")) : null,
                values.containsKey("markdown") ? Path.of(values.get("markdown")) : null,
                values.containsKey("skip") ? Set.of(values.get("skip").split(",")) : Set.of(), flags.contains("reuse-copies"));
    }

    private static int number(Map<String, String> values, String name, int defaultValue) {
        String value = values.get(name);
        try {
            return value == null ? defaultValue : Integer.parseInt(value.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a whole number");
        }
    }

    // ------------------------------------------------------------------------------------------

    private final StringBuilder markdown = new StringBuilder();

    private void run() throws Exception {
        report.put("measuredAt", Instant.now().toString());
        report.put("loadAverage", loadAverage());
        line("Capacity report, %s, load average %s (%d cores)", Instant.now().toString().substring(0, 16).replace('T', ' ')
                + " UTC", loadAverage(), Runtime.getRuntime().availableProcessors());
        if (options.loadAchievements() > 0 || options.loadDemands() > 0) {
            new PipelineLoad(options.loadAchievements(), options.loadDemands(), options.threads()).run();
        }
        if (!options.skip().contains("elasticsearch")) {
            elasticsearch();
        }
        if (options.quantization()) {
            quantization();
        }
        if (!options.skip().contains("postgres")) {
            postgres();
        }
        if (!options.skip().contains("kafka")) {
            kafka();
        }
        extrapolation();
        if (options.jsonFile() != null) {
            Files.writeString(options.jsonFile(), json.writeValueAsString(report));
        }
        if (options.markdownFile() != null) {
            Files.writeString(options.markdownFile(), markdown.toString());
        }
    }

    // ------------------------------------------------------------------------------------------
    // Elasticsearch
    // ------------------------------------------------------------------------------------------

    private void elasticsearch() throws IOException {
        ObjectNode es = report.putObject("elasticsearch");
        heading("Elasticsearch");
        for (String alias : List.of("achievements", "demands")) {
            String index = concreteIndex(alias);
            if (options.merge()) {
                forceMerge(index);
            }
            ObjectNode figures = indexFigures(index);
            es.set(alias, figures);
        }
        table(List.of("index", "docs", "segments", "store", "per 100,000 docs", "embedding (kNN files)", "per 100,000"),
                List.of("achievements", "demands").stream().map(alias -> {
                    JsonNode f = es.get(alias);
                    long docs = f.get("docs").asLong();
                    long knn = f.path("fields").path("embedding").path("knn_vectors_in_bytes").asLong();
                    return List.of(alias + " (" + f.get("index").asText() + ")", grouped(docs),
                            String.valueOf(f.get("segments").asLong()), bytes(f.get("storeBytes").asLong()),
                            bytes(per(f.get("storeBytes").asLong(), docs, 100_000)), bytes(knn), bytes(per(knn, docs, 100_000)));
                }).toList());
        for (String alias : List.of("achievements", "demands")) {
            JsonNode f = es.get(alias);
            long docs = f.get("docs").asLong();
            line("");
            line("%s: disk usage per field (_disk_usage, run_expensive_tasks=true), largest first; per 100,000 docs", alias);
            List<List<String>> rows = new ArrayList<>();
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            f.get("fields").properties().forEach(fields::add);
            fields.sort((a, b) -> Long.compare(b.getValue().path("total_in_bytes").asLong(), a.getValue().path("total_in_bytes").asLong()));
            long shown = 0;
            for (var field : fields.subList(0, Math.min(12, fields.size()))) {
                JsonNode u = field.getValue();
                shown += u.path("total_in_bytes").asLong();
                rows.add(List.of(field.getKey(), bytes(per(u.path("total_in_bytes").asLong(), docs, 100_000)),
                        bytes(per(u.path("inverted_index").path("total_in_bytes").asLong(), docs, 100_000)),
                        bytes(per(u.path("stored_fields_in_bytes").asLong(), docs, 100_000)),
                        bytes(per(u.path("doc_values_in_bytes").asLong(), docs, 100_000)),
                        bytes(per(u.path("points_in_bytes").asLong() + u.path("norms_in_bytes").asLong()
                                + u.path("term_vectors_in_bytes").asLong(), docs, 100_000)),
                        bytes(per(u.path("knn_vectors_in_bytes").asLong(), docs, 100_000))));
            }
            long all = f.path("diskUsageTotal").asLong();
            rows.add(List.of("(" + Math.max(0, fields.size() - 12) + " other fields)", bytes(per(all - shown, docs, 100_000)),
                    "", "", "", "", ""));
            table(List.of("field", "total", "inverted index", "stored (_source)", "doc values", "points, norms, term vectors",
                    "kNN vectors"), rows);
            line("");
            line("%s: Lucene files by extension, per 100,000 docs: %s", alias, fileSizes(f.get("files"), docs));
            line("%s: vector files (dense_vector off-heap stats), per 100,000 docs: %s; page cache for fast k-NN %s", alias,
                    fileSizes(f.get("vectorFiles"), docs), bytes(per(hotVectorBytes(f.path("embeddingType").asText("bbq_hnsw"),
                            f.get("vectorFiles")), docs, 100_000)));
        }
        JsonNode nodes = esGet("/_nodes/stats/jvm,indices?filter_path=nodes.*.jvm.mem,nodes.*.indices.segments,"
                + "nodes.*.indices.store,nodes.*.indices.dense_vector");
        ObjectNode node = es.putObject("node");
        for (JsonNode n : iterable(nodes.path("nodes"))) {
            JsonNode mem = n.path("jvm").path("mem");
            JsonNode seg = n.path("indices").path("segments");
            node.put("heapUsedBytes", mem.path("heap_used_in_bytes").asLong());
            node.put("heapMaxBytes", mem.path("heap_max_in_bytes").asLong());
            node.put("nonHeapUsedBytes", mem.path("non_heap_used_in_bytes").asLong());
            node.put("segments", seg.path("count").asLong());
            node.put("segmentsMemoryBytes", seg.path("memory_in_bytes").asLong());
            node.put("storeBytes", n.path("indices").path("store").path("size_in_bytes").asLong());
            node.set("denseVector", n.path("indices").path("dense_vector"));
        }
        line("");
        line("Node: heap used %s of %s (non-heap %s); all indices %s in %d segments (segment heap %s)",
                bytes(node.path("heapUsedBytes").asLong()), bytes(node.path("heapMaxBytes").asLong()),
                bytes(node.path("nonHeapUsedBytes").asLong()), bytes(node.path("storeBytes").asLong()),
                node.path("segments").asLong(), bytes(node.path("segmentsMemoryBytes").asLong()));
        JsonNode offHeap = node.path("denseVector").path("off_heap");
        if (offHeap.has("total_size_bytes")) {
            line("Node's vectors off heap (dense_vector stats, every index): %s in all: vec %s, veq %s, veb %s, vex %s",
                    bytes(offHeap.path("total_size_bytes").asLong()), bytes(offHeap.path("total_vec_size_bytes").asLong()),
                    bytes(offHeap.path("total_veq_size_bytes").asLong()), bytes(offHeap.path("total_veb_size_bytes").asLong()),
                    bytes(offHeap.path("total_vex_size_bytes").asLong()));
        }
    }

    private ObjectNode indexFigures(String index) throws IOException {
        ObjectNode figures = json.createObjectNode();
        figures.put("index", index);
        JsonNode stats = esGet("/" + index + "/_stats/docs,store,segments?include_segment_file_sizes=true")
                .path("indices").path(index).path("primaries");
        figures.put("docs", stats.path("docs").path("count").asLong());
        figures.put("storeBytes", stats.path("store").path("size_in_bytes").asLong());
        figures.put("segments", stats.path("segments").path("count").asLong());
        ObjectNode files = figures.putObject("files");
        stats.path("segments").path("file_sizes").properties()
                .forEach(e -> files.put(e.getKey(), e.getValue().path("size_in_bytes").asLong()));
        // The vector files as the node maps them (dense_vector off-heap stats): visible even inside a
        // compound file, which a merged small segment is.
        JsonNode offHeap = esGet("/" + index + "/_stats/dense_vector").path("indices").path(index).path("primaries")
                .path("dense_vector").path("off_heap");
        ObjectNode vectors = figures.putObject("vectorFiles");
        for (String ext : List.of("vec", "veq", "veb", "vex")) {
            vectors.put(ext, offHeap.path("total_" + ext + "_size_bytes").asLong());
        }
        JsonNode usage = esPost("/" + index + "/_disk_usage?run_expensive_tasks=true", null).path(index);
        figures.put("diskUsageTotal", usage.path("store_size_in_bytes").asLong());
        figures.set("fields", usage.path("fields"));
        return figures;
    }

    private String fileSizes(JsonNode files, long docs) {
        List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
        files.properties().forEach(entries::add);
        entries.sort((a, b) -> Long.compare(b.getValue().asLong(), a.getValue().asLong()));
        List<String> parts = new ArrayList<>();
        for (var e : entries) {
            if (e.getValue().asLong() > 0) {
                parts.add(e.getKey() + " " + bytes(per(e.getValue().asLong(), docs, 100_000)));
            }
        }
        return String.join(", ", parts);
    }

    private void forceMerge(String index) throws IOException {
        // Sizes of one merged segment are what a settled index costs; many small ones would count
        // deleted documents and duplicated term dictionaries.
        esPost("/" + index + "/_refresh", null);
        esPost("/" + index + "/_forcemerge?max_num_segments=1", null);
    }

    private String concreteIndex(String alias) throws IOException {
        JsonNode aliases = esGet("/_alias/" + alias);
        return aliases.properties().iterator().next().getKey();
    }

    // ------------------------------------------------------------------------------------------
    // Quantization
    // ------------------------------------------------------------------------------------------

    private void quantization() throws Exception {
        ObjectNode q = report.putObject("quantization");
        String source = concreteIndex("achievements");
        heading("k-NN vectors by quantization (the achievements' vectors copied into one-field indices)");
        // The copies keep vectors in _source as the live index does (or not): their _source is then
        // what the vectors cost there.
        String excludeSourceVectors = esGet("/" + source + "/_settings?include_defaults=true&flat_settings=true")
                .path(source).findPath("index.mapping.exclude_source_vectors").asText("true");
        JsonNode embeddingMapping = esGet("/" + source + "/_mapping").path(source).path("mappings").path("properties")
                .path("embedding");
        for (String type : QUANTIZATIONS) {
            String copy = "capacity-knn-" + type.replace('_', '-');
            if (options.reuseCopies()) {
                ObjectNode figures = indexFigures(copy);
                figures.put("embeddingType", type);
                figures.put("reindexSeconds", 0.0);
                q.set(type, figures);
                continue;
            }
            esDeleteIfExists(copy);
            // Only the vector field: the copies' files are the vectors' alone, whatever else the index holds.
            ObjectNode body = json.createObjectNode();
            body.putObject("settings").putObject("index").put("number_of_shards", 1).put("number_of_replicas", 0)
                    .put("refresh_interval", "-1").put("mapping.exclude_source_vectors", excludeSourceVectors);
            ObjectNode embedding = embeddingMapping.deepCopy();
            embedding.set("index_options", json.createObjectNode().put("type", type));
            body.putObject("mappings").putObject("properties").set("embedding", embedding);
            esPut("/" + copy, body);
            long t0 = System.nanoTime();
            copyVectors(source, copy);
            long reindexNanos = System.nanoTime() - t0;
            esPut("/" + copy + "/_settings", json.createObjectNode().put("index.refresh_interval", "1s"));
            forceMerge(copy);
            ObjectNode figures = indexFigures(copy);
            figures.put("embeddingType", type);
            figures.put("reindexSeconds", reindexNanos / 1e9);
            q.set(type, figures);
        }
        List<List<String>> rows = new ArrayList<>();
        for (String type : QUANTIZATIONS) {
            JsonNode f = q.get(type);
            long docs = f.get("docs").asLong();
            JsonNode files = f.get("vectorFiles");
            long hot = hotVectorBytes(type, files);
            rows.add(List.of(type, grouped(docs), bytes(per(f.get("storeBytes").asLong(), docs, 100_000)),
                    bytes(per(f.path("fields").path("embedding").path("knn_vectors_in_bytes").asLong(), docs, 100_000)),
                    bytes(per(files.path("vec").asLong(), docs, 100_000)),
                    bytes(per(files.path("veq").asLong(), docs, 100_000)),
                    bytes(per(files.path("veb").asLong(), docs, 100_000)),
                    bytes(per(files.path("vex").asLong(), docs, 100_000)),
                    bytes(per(hot, docs, 100_000)),
                    bytes(per(f.path("fields").path("_source").path("total_in_bytes").asLong(), docs, 100_000)),
                    String.format(Locale.ROOT, "%.0f s", f.get("reindexSeconds").asDouble())));
            ((ObjectNode) f).put("pageCacheBytes", hot);
        }
        String copiesExclude = esGet("/capacity-knn-hnsw/_settings?include_defaults=true&flat_settings=true")
                .findPath("index.mapping.exclude_source_vectors").asText("true");
        line("Per 100,000 achievements, one segment each; the copies' index.mapping.exclude_source_vectors=%s (the live index's: %s):",
                copiesExclude, excludeSourceVectors);
        table(List.of("index_options", "docs", "store", "embedding (all kNN files)", "vec (float32)", "veq (int8)",
                "veb (BBQ)", "vex (graph)", "page cache for fast k-NN", "_source (the vector alone)", "copy and index"), rows);
        line("Page cache for fast k-NN: the graph plus the vectors the graph search reads (vec for hnsw, veq for"
                + " int8_hnsw, veb for bbq_hnsw); the float32 vec file stays on disk for the quantized ones and is read"
                + " only to rescore the few top candidates.");
        if (options.recallQueries() > 0) {
            recall(q);
        }
    }

    /** The bytes a k-NN search reads at random for this index type. */
    private static long hotVectorBytes(String type, JsonNode files) {
        long vectors = switch (type) {
            case "hnsw" -> files.path("vec").asLong();
            case "int8_hnsw" -> files.path("veq").asLong();
            default -> files.path("veb").asLong();
        };
        return files.path("vex").asLong() + vectors;
    }

    /** Copies every document's vector (same id) from source into copy, in id order, 500 at a time. */
    private void copyVectors(String source, String copy) throws IOException {
        JsonNode after = null;
        while (true) {
            ObjectNode query = json.createObjectNode();
            query.put("size", 500);
            query.putObject("_source").put("exclude_vectors", false).putArray("includes").add("embedding");
            query.putArray("sort").addObject().put("id", "asc");
            if (after != null) {
                query.set("search_after", after);
            }
            JsonNode hits = esPost("/" + source + "/_search", query).path("hits").path("hits");
            if (hits.isEmpty()) {
                return;
            }
            StringBuilder bulk = new StringBuilder();
            for (JsonNode hit : hits) {
                bulk.append("{\"index\":{\"_id\":").append(json.writeValueAsString(hit.path("_id").asText())).append("}}\n");
                bulk.append("{\"embedding\":").append(hit.path("_source").path("embedding").toString()).append("}\n");
            }
            HttpResponse<String> answer = send(HttpRequest.newBuilder(esUri("/" + copy + "/_bulk")).timeout(HTTP_TIMEOUT)
                    .header("Content-Type", "application/x-ndjson")
                    .POST(HttpRequest.BodyPublishers.ofString(bulk.toString(), StandardCharsets.UTF_8)).build());
            if (answer.statusCode() != 200 || json.readTree(answer.body()).path("errors").asBoolean()) {
                throw new IOException("bulk into " + copy + " failed: " + answer.body().substring(0, Math.min(500, answer.body().length())));
            }
            after = hits.get(hits.size() - 1).path("sort");
        }
    }

    private void recall(ObjectNode q) throws IOException {
        // Queries: demand vectors (what a demand-side ranking searches with); truth: exact cosine over
        // every achievement of the float32 copy, by brute force.
        List<float[]> queries = demandVectors(options.recallQueries());
        if (queries.isEmpty()) {
            line("(no demand vectors: recall not measured)");
            return;
        }
        int k = 40;
        int candidates = 100;
        // Exact cosine, brute force here (the scripting module is not needed): every vector of the
        // float32 copy, normalised.
        List<String> allIds = new ArrayList<>();
        List<float[]> all = new ArrayList<>();
        scanVectors("capacity-knn-hnsw", allIds, all);
        List<Set<String>> truth10 = new ArrayList<>();
        List<Set<String>> truth40 = new ArrayList<>();
        long exactStart = System.nanoTime();
        for (float[] v : queries) {
            float[] qv = normalised(v);
            Integer[] order = new Integer[all.size()];
            double[] score = new double[all.size()];
            for (int i = 0; i < all.size(); i++) {
                float[] x = all.get(i);
                double dot = 0;
                for (int j = 0; j < x.length; j++) {
                    dot += qv[j] * x[j];
                }
                score[i] = dot;
                order[i] = i;
            }
            Arrays.sort(order, (p1, p2) -> Double.compare(score[p2], score[p1]));
            Set<String> top10 = new HashSet<>();
            Set<String> top40 = new HashSet<>();
            for (int r = 0; r < Math.min(k, order.length); r++) {
                if (r < 10) {
                    top10.add(allIds.get(order[r]));
                }
                top40.add(allIds.get(order[r]));
            }
            truth10.add(top10);
            truth40.add(top40);
        }
        long exactNanos = System.nanoTime() - exactStart;
        List<List<String>> rows = new ArrayList<>();
        for (String type : QUANTIZATIONS) {
            String copy = "capacity-knn-" + type.replace('_', '-');
            long[] took = new long[queries.size()];
            long[] wall = new long[queries.size()];
            double hits10 = 0;
            double hits40 = 0;
            for (int warm = 0; warm < Math.min(20, queries.size()); warm++) {
                esPost("/" + copy + "/_search", knn(queries.get(warm), k, candidates));
            }
            for (int i = 0; i < queries.size(); i++) {
                long t0 = System.nanoTime();
                JsonNode answer = esPost("/" + copy + "/_search", knn(queries.get(i), k, candidates));
                wall[i] = System.nanoTime() - t0;
                took[i] = answer.path("took").asLong();
                List<String> ids = ids(answer);
                hits10 += overlap(ids.subList(0, Math.min(10, ids.size())), truth10.get(i)) / (double) Math.max(1, truth10.get(i).size());
                hits40 += overlap(ids, truth40.get(i)) / (double) Math.max(1, truth40.get(i).size());
            }
            Arrays.sort(took);
            Arrays.sort(wall);
            ObjectNode r = ((ObjectNode) q.get(type)).putObject("recall");
            r.put("queries", queries.size()).put("k", k).put("numCandidates", candidates)
                    .put("recallAt10", hits10 / queries.size()).put("recallAt40", hits40 / queries.size())
                    .put("tookP50Ms", MatchingBenchmark.percentile(took, 50)).put("tookP99Ms", MatchingBenchmark.percentile(took, 99))
                    .put("wallP50Ms", MatchingBenchmark.percentile(wall, 50) / 1e6).put("wallP99Ms", MatchingBenchmark.percentile(wall, 99) / 1e6);
            rows.add(List.of(type, String.format(Locale.ROOT, "%.3f", r.get("recallAt10").asDouble()),
                    String.format(Locale.ROOT, "%.3f", r.get("recallAt40").asDouble()),
                    r.get("tookP50Ms").asLong() + " / " + r.get("tookP99Ms").asLong() + " ms",
                    String.format(Locale.ROOT, "%.0f / %.0f ms", r.get("wallP50Ms").asDouble(), r.get("wallP99Ms").asDouble())));
        }
        q.put("exactMeanMs", exactNanos / 1e6 / queries.size());
        line("");
        line("k-NN recall and latency: %d demand vectors as queries, k=%d, num_candidates=%d (as the ranking asks), against"
                + " exact cosine over all %s achievements (brute force in the tool, mean %.0f ms a query); sequential, after 20 warm-up queries",
                queries.size(), k, candidates, grouped(q.get("hnsw").get("docs").asLong()), q.get("exactMeanMs").asDouble());
        table(List.of("index_options", "recall@10", "recall@40", "took p50 / p99", "round trip p50 / p99"), rows);
    }

    private static float[] normalised(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        float[] n = new float[v.length];
        double inv = norm == 0 ? 0 : 1 / Math.sqrt(norm);
        for (int i = 0; i < v.length; i++) {
            n[i] = (float) (v[i] * inv);
        }
        return n;
    }

    /** Every document's id and normalised vector, by scroll. */
    private void scanVectors(String index, List<String> ids, List<float[]> vectors) throws IOException {
        ObjectNode query = json.createObjectNode();
        query.put("size", 1000);
        query.putObject("_source").put("exclude_vectors", false).putArray("includes").add("embedding");
        query.putArray("sort").add("_doc");
        JsonNode page = esPost("/" + index + "/_search?scroll=2m", query);
        while (true) {
            JsonNode hits = page.path("hits").path("hits");
            if (hits.isEmpty()) {
                break;
            }
            for (JsonNode hit : hits) {
                JsonNode e = hit.path("_source").path("embedding");
                float[] v = new float[e.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) e.get(i).asDouble();
                }
                ids.add(hit.path("_id").asText());
                vectors.add(normalised(v));
            }
            page = esPost("/_search/scroll", json.createObjectNode().put("scroll", "2m").put("scroll_id", page.path("_scroll_id").asText()));
        }
    }

    private ObjectNode knn(float[] v, int k, int candidates) {
        ObjectNode body = json.createObjectNode();
        body.put("size", k).put("_source", false);
        ObjectNode knn = body.putObject("knn");
        knn.put("field", "embedding").put("k", k).put("num_candidates", candidates).set("query_vector", vector(v));
        return body;
    }

    private List<float[]> demandVectors(int n) throws IOException {
        ObjectNode body = json.createObjectNode();
        body.put("size", n);
        body.putObject("_source").put("exclude_vectors", false).putArray("includes").add("embedding");
        body.putObject("query").putObject("function_score").put("random_score", json.createObjectNode().put("seed", 20261207)
                .put("field", "_seq_no"));
        List<float[]> vectors = new ArrayList<>();
        for (JsonNode hit : iterable(esPost("/demands/_search", body).path("hits").path("hits"))) {
            JsonNode e = hit.path("_source").path("embedding");
            if (e.isArray() && e.size() > 0) {
                float[] v = new float[e.size()];
                for (int i = 0; i < v.length; i++) {
                    v[i] = (float) e.get(i).asDouble();
                }
                vectors.add(v);
            }
        }
        return vectors;
    }

    private ArrayNode vector(float[] v) {
        ArrayNode a = json.createArrayNode();
        for (float x : v) {
            a.add(x);
        }
        return a;
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        for (JsonNode hit : iterable(answer.path("hits").path("hits"))) {
            ids.add(hit.path("_id").asText());
        }
        return ids;
    }

    private static int overlap(Collection<String> a, Set<String> b) {
        int n = 0;
        for (String x : a) {
            if (b.contains(x)) {
                n++;
            }
        }
        return n;
    }

    // ------------------------------------------------------------------------------------------
    // PostgreSQL
    // ------------------------------------------------------------------------------------------

    /** The table whose rows are "the records" of each database, for the per-1,000 figures. */
    private static final Map<String, String> RECORD_TABLE = Map.of("achievement", "achievement", "demand", "demand",
            "matching", "indexed_record");

    private void postgres() throws SQLException {
        ObjectNode pg = report.putObject("postgres");
        heading("PostgreSQL");
        for (String database : DATABASES) {
            ObjectNode db = pg.putObject(database);
            String url = "jdbc:postgresql://" + HOST + ":" + pgPort + "/" + database;
            try (Connection c = DriverManager.getConnection(url, "techbridge", ""); Statement st = c.createStatement()) {
                // Statistics first, so the sizes include no dead tuples counted as live and the
                // visibility map is current.
                st.execute("VACUUM ANALYZE");
                // An empty database (template1) is the fixed cost (catalogs): the per-record figures
                // leave it out.
                try (ResultSet rs = st.executeQuery("select pg_database_size(current_database()), pg_database_size('template1')")) {
                    rs.next();
                    db.put("databaseBytes", rs.getLong(1));
                    db.put("emptyDatabaseBytes", rs.getLong(2));
                }
                ObjectNode tables = db.putObject("tables");
                try (ResultSet rs = st.executeQuery("""
                        select c.relname, pg_total_relation_size(c.oid), pg_relation_size(c.oid), pg_indexes_size(c.oid),
                               coalesce(pg_total_relation_size(c.reltoastrelid), 0)
                        from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where c.relkind = 'r' and n.nspname = 'public' order by 2 desc""")) {
                    while (rs.next()) {
                        tables.putObject(rs.getString(1)).put("totalBytes", rs.getLong(2)).put("heapBytes", rs.getLong(3))
                                .put("indexBytes", rs.getLong(4)).put("toastBytes", rs.getLong(5));
                    }
                }
                for (var table : tables.properties()) {
                    try (ResultSet rs = st.executeQuery("select count(*) from \"" + table.getKey() + "\"")) {
                        rs.next();
                        ((ObjectNode) table.getValue()).put("rows", rs.getLong(1));
                    }
                }
                if (tables.has("outbox_event") || tables.has("outbox")) {
                    String outbox = tables.has("outbox_event") ? "outbox_event" : "outbox";
                    try (ResultSet rs = st.executeQuery("select count(*) filter (where published_at is null), "
                            + "extract(epoch from now() - min(published_at)) from " + outbox)) {
                        rs.next();
                        db.put("outboxUnpublished", rs.getLong(1));
                        db.put("outboxOldestPublishedSeconds", rs.getDouble(2));
                    }
                }
            }
            long records = db.path("tables").path(RECORD_TABLE.get(database)).path("rows").asLong();
            db.put("records", records);
        }
        for (String database : DATABASES) {
            JsonNode db = pg.get(database);
            long records = db.get("records").asLong();
            line("");
            line("%s: database %s (an empty one: %s), %s records (%s rows), per 1,000 records %s (beyond the empty database)",
                    database, bytes(db.get("databaseBytes").asLong()), bytes(db.get("emptyDatabaseBytes").asLong()),
                    grouped(records), RECORD_TABLE.get(database), bytes(per(growth(db), records, 1_000)));
            List<List<String>> rows = new ArrayList<>();
            for (var t : db.get("tables").properties()) {
                JsonNode v = t.getValue();
                if (v.get("totalBytes").asLong() < 64 * 1024 && v.get("rows").asLong() < 100) {
                    continue;
                }
                rows.add(List.of(t.getKey(), grouped(v.get("rows").asLong()), bytes(v.get("totalBytes").asLong()),
                        bytes(v.get("heapBytes").asLong()), bytes(v.get("indexBytes").asLong()), bytes(v.get("toastBytes").asLong()),
                        bytes(per(v.get("totalBytes").asLong(), records, 1_000))));
            }
            table(List.of("table", "rows", "total", "heap", "indexes", "TOAST", "per 1,000 records"), rows);
            if (db.has("outboxUnpublished")) {
                line("outbox: %d not yet relayed; oldest relayed row %s old (relayed rows are deleted after"
                        + " techbridge.outbox.retention, default 7 days)", db.get("outboxUnpublished").asLong(),
                        MatchingBenchmark.duration((long) (db.get("outboxOldestPublishedSeconds").asDouble() * 1e9)));
            }
        }
    }

    private static long growth(JsonNode db) {
        return Math.max(0, db.get("databaseBytes").asLong() - db.get("emptyDatabaseBytes").asLong());
    }

    // ------------------------------------------------------------------------------------------
    // Kafka
    // ------------------------------------------------------------------------------------------

    private void kafka() throws Exception {
        ObjectNode kafka = report.putObject("kafka");
        heading("Kafka");
        Map<String, Object> config = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + kafkaPort,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> topics = admin.listTopics().names().get();
            List<Integer> brokers = admin.describeCluster().nodes().get().stream().map(org.apache.kafka.common.Node::id).toList();
            Map<String, Long> bytesByTopic = new TreeMap<>();
            Map<Integer, Map<String, LogDirDescription>> dirs = admin.describeLogDirs(brokers).allDescriptions().get();
            Map<TopicPartition, Long> partitionBytes = new HashMap<>();
            for (var broker : dirs.values()) {
                for (LogDirDescription dir : broker.values()) {
                    for (Map.Entry<TopicPartition, ReplicaInfo> e : dir.replicaInfos().entrySet()) {
                        if (topics.contains(e.getKey().topic())) {
                            bytesByTopic.merge(e.getKey().topic(), e.getValue().size(), Long::sum);
                            partitionBytes.merge(e.getKey(), e.getValue().size(), Long::sum);
                        }
                    }
                }
            }
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (TopicPartition tp : partitionBytes.keySet()) {
                earliest.put(tp, OffsetSpec.earliest());
                latest.put(tp, OffsetSpec.latest());
            }
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> first = admin.listOffsets(earliest).all().get();
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> last = admin.listOffsets(latest).all().get();
            Map<String, Long> events = new TreeMap<>();
            Map<String, Integer> partitions = new TreeMap<>();
            for (TopicPartition tp : partitionBytes.keySet()) {
                events.merge(tp.topic(), last.get(tp).offset() - first.get(tp).offset(), Long::sum);
                partitions.merge(tp.topic(), 1, Integer::sum);
            }
            List<List<String>> rows = new ArrayList<>();
            for (String topic : bytesByTopic.keySet()) {
                long b = bytesByTopic.get(topic);
                long n = events.getOrDefault(topic, 0L);
                kafka.putObject(topic).put("bytes", b).put("events", n).put("partitions", partitions.get(topic))
                        .put("bytesPerEvent", n == 0 ? 0 : b / (double) n);
                if (n > 0 && !topic.startsWith("__")) {
                    rows.add(List.of(topic, String.valueOf(partitions.get(topic)), grouped(n), bytes(b),
                            grouped(Math.round(b / (double) n)) + " B", bytes(Math.round(b / (double) n * 1_000_000))));
                }
            }
            line("Log size of every replica ÷ (latest − earliest offset); one replica here");
            table(List.of("topic", "partitions", "events (offsets)", "log size", "bytes per event", "per million events"), rows);
        }
    }

    // ------------------------------------------------------------------------------------------
    // Extrapolation
    // ------------------------------------------------------------------------------------------

    private void extrapolation() {
        long a = options.targetAchievements();
        long d = options.targetDemands();
        ObjectNode x = report.putObject("extrapolation");
        heading(String.format(Locale.ROOT, "Extrapolation to %s achievements and %s demands (linear in records)", grouped(a), grouped(d)));
        JsonNode es = report.get("elasticsearch");
        List<List<String>> rows = new ArrayList<>();
        for (String alias : es == null ? List.<String>of() : List.of("achievements", "demands")) {
            JsonNode f = es.get(alias);
            long target = alias.equals("achievements") ? a : d;
            long docs = f.get("docs").asLong();
            long primary = per(f.get("storeBytes").asLong(), docs, target);
            long knn = per(f.path("fields").path("embedding").path("knn_vectors_in_bytes").asLong(), docs, target);
            long hot = per(hotVectorBytes("bbq_hnsw", f.get("vectorFiles")), docs, target);
            int shards = (int) Math.max(1, Math.ceil(primary / (30.0 * (1L << 30))));
            x.putObject(alias).put("primaryBytes", primary).put("knnBytes", knn).put("bbqPageCacheBytes", hot)
                    .put("shardsAt30GB", shards);
            rows.add(List.of(alias, grouped(target), bytes(primary), bytes(2 * primary), bytes(knn), bytes(hot),
                    shards + " × " + bytes(primary / shards)));
        }
        line("Elasticsearch (current mapping, bbq_hnsw), from the measured size per document:");
        table(List.of("index", "documents", "primary store", "with 1 replica", "embedding files", "page cache for k-NN (bbq)",
                "primary shards ≤ 30 GB"), rows);
        JsonNode q = report.get("quantization");
        if (q != null) {
            List<List<String>> qrows = new ArrayList<>();
            for (String type : QUANTIZATIONS) {
                JsonNode f = q.get(type);
                long docs = f.get("docs").asLong();
                long hot = per(f.get("pageCacheBytes").asLong(), docs, a);
                long store = per(f.get("storeBytes").asLong(), docs, a);
                x.putObject("achievements-" + type).put("pageCacheBytes", hot).put("primaryBytes", store);
                qrows.add(List.of(type, bytes(store), bytes(hot), bytes(2 * hot)));
            }
            line("");
            line("Achievements' k-NN by quantization at %s documents:", grouped(a));
            table(List.of("index_options", "primary store", "page cache for k-NN (primaries)", "with 1 replica (whole cluster)"), qrows);
        }
        JsonNode pg = report.get("postgres");
        List<List<String>> prows = new ArrayList<>();
        Map<String, Long> targets = new LinkedHashMap<>();
        targets.put("achievement", a);
        targets.put("demand", d);
        targets.put("matching", a + d);
        for (var e : pg == null ? Map.<String, Long>of().entrySet() : targets.entrySet()) {
            JsonNode db = pg.get(e.getKey());
            long records = db.get("records").asLong();
            long size = db.get("emptyDatabaseBytes").asLong() + per(growth(db), records, e.getValue());
            x.putObject("postgres-" + e.getKey()).put("bytes", size);
            prows.add(List.of(e.getKey(), grouped(e.getValue()) + " records", bytes(size)));
        }
        line("");
        line("PostgreSQL (an empty database + its growth per record × records; no bloat, one copy, no WAL or backups):");
        table(List.of("database", "at", "size"), prows);
        JsonNode kafka = report.get("kafka");
        List<List<String>> krows = new ArrayList<>();
        for (String topic : kafka == null ? List.<String>of() : List.of("achievement-events", "demand-events")) {
            JsonNode t = kafka.get(topic);
            if (t == null || t.get("events").asLong() == 0) {
                continue;
            }
            long events = topic.startsWith("achievement") ? a : d;
            long size = Math.round(t.get("bytesPerEvent").asDouble() * events);
            x.putObject("kafka-" + topic).put("bytes", size);
            krows.add(List.of(topic, grouped(events) + " events (one per record)", bytes(size), bytes(3 * size)));
        }
        line("");
        line("Kafka (unlimited retention: matching rebuilds its indexes by replaying; one event per record, updates add theirs):");
        table(List.of("topic", "events", "one replica", "3 replicas"), krows);
        ingest(a + d, x);
    }

    /**
     * Instances for the ingest targets, from a measured all-in rate: records embedded, indexed and
     * proposed per second by one machine that also ran Elasticsearch, Kafka and PostgreSQL.
     */
    private void ingest(long records, ObjectNode x) {
        double unit = options.recordsPerUnit();
        line("");
        line("Ingest (records embedded, indexed and proposed): %.1f records/s per unit of 2 cores for matching-service and"
                + " 2 for Elasticsearch (--records-per-unit, measured: all of it on one 2-core machine); the consumer group"
                + " uses at most one instance per partition", unit);
        List<List<String>> rows = new ArrayList<>();
        Map<String, Double> targets = new LinkedHashMap<>();
        targets.put(String.format(Locale.ROOT, "initial load of %s records in 24 h", grouped(records)), records / 86_400.0);
        targets.put(String.format(Locale.ROOT, "initial load of %s records in 72 h", grouped(records)), records / 259_200.0);
        targets.put("steady 50 events/s", 50.0);
        ObjectNode in = x.putObject("ingest");
        for (var t : targets.entrySet()) {
            int instances = (int) Math.ceil(t.getValue() / unit);
            // Partitions: at least the instances, and twice them so the group can grow without
            // repartitioning (a topic's partitions can be added but keys then move).
            int partitions = Math.max(6, 2 * instances);
            in.putObject(t.getKey()).put("recordsPerSecond", t.getValue()).put("instances", instances)
                    .put("partitions", partitions);
            rows.add(List.of(t.getKey(), String.format(Locale.ROOT, "%.1f", t.getValue()), String.valueOf(instances),
                    String.valueOf(2 * instances), String.valueOf(2 * instances), String.valueOf(partitions)));
        }
        table(List.of("target", "records/s", "matching instances", "matching cores", "Elasticsearch cores (upper bound)",
                "partitions per topic"), rows);
    }

    // ------------------------------------------------------------------------------------------
    // Pipeline load: records created through the services' APIs
    // ------------------------------------------------------------------------------------------

    private final class PipelineLoad {
        private final int achievements;
        private final int demands;
        private final int threads;
        private final CorpusGenerator corpus = new CorpusGenerator(20240601, new SplittableRandom().nextLong(), Instant.now(),
                new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule()));
        private final Map<String, String[]> tokens = new HashMap<>();

        PipelineLoad(int achievements, int demands, int threads) {
            this.achievements = achievements;
            this.demands = demands;
            this.threads = threads;
        }

        void run() throws Exception {
            heading("Pipeline load");
            long before = esCount("achievements") + esCount("demands");
            long t0 = System.nanoTime();
            int achievementPort = port("TECHBRIDGE_ACHIEVEMENT_PORT", 8081);
            int demandPort = port("TECHBRIDGE_DEMAND_PORT", 8082);
            int createdA = create(achievements, "university", "http://" + HOST + ":" + achievementPort
                    + "/api/achievements?duplicates=confirmed", i -> corpus.achievementRequest(i));
            int createdD = create(demands, "enterprise", "http://" + HOST + ":" + demandPort
                    + "/api/demands?duplicates=confirmed", this::demandRequest);
            long posted = System.nanoTime();
            line("created %d achievements and %d demands through the APIs in %s", createdA, createdD,
                    MatchingBenchmark.duration(posted - t0));
            long target = before + createdA + createdD;
            long lastChange = System.nanoTime();
            long last = -1;
            while (true) {
                long now = esCount("achievements") + esCount("demands");
                long queue = proposalQueue();
                if (now >= target && queue == 0) {
                    break;
                }
                if (now != last) {
                    last = now;
                    lastChange = System.nanoTime();
                } else if (System.nanoTime() - lastChange > Duration.ofMinutes(3).toNanos()) {
                    line("(gave up waiting: %d of %d indexed)", now, target);
                    break;
                }
                Thread.sleep(5_000);
            }
            long done = System.nanoTime();
            ObjectNode load = report.putObject("load");
            load.put("achievements", createdA).put("demands", createdD).put("postSeconds", (posted - t0) / 1e9)
                    .put("indexedAndProposedSeconds", (done - t0) / 1e9);
            line("indexed and proposed %s after the first request (%.1f records/s end to end)", MatchingBenchmark.duration(done - t0),
                    (createdA + createdD) / ((done - t0) / 1e9));
        }

        private int create(int n, String role, String url, java.util.function.IntFunction<ObjectNode> body) throws Exception {
            if (n == 0) {
                return 0;
            }
            AtomicInteger created = new AtomicInteger();
            AtomicInteger next = new AtomicInteger();
            List<String> errors = java.util.Collections.synchronizedList(new ArrayList<>());
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            ObjectNode record = body.apply(i);
                            // The demo account's own organisation: it may post for no other.
                            record.put("organisationId", organisation(role));
                            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                                    .header("Content-Type", "application/json").header("Authorization", "Bearer " + token(role))
                                    .header("Idempotency-Key", java.util.UUID.randomUUID().toString())
                                    .POST(HttpRequest.BodyPublishers.ofString(record.toString(), StandardCharsets.UTF_8)).build());
                            if (answer.statusCode() / 100 == 2) {
                                created.incrementAndGet();
                            } else if (errors.size() < 5) {
                                errors.add(answer.statusCode() + " " + answer.body());
                            }
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            if (!errors.isEmpty()) {
                line("%s: %d of %d refused, e.g. %s", url, n - created.get(), n, errors.getFirst());
            }
            return created.get();
        }

        /** The body of {@code POST /api/demands} for corpus demand {@code i}. */
        private ObjectNode demandRequest(int i) {
            ObjectNode body = corpus.demand(i);
            body.remove(List.of("id", "version", "organisationId", "status", "statusReason", "mergedInto", "createdAt", "updatedAt"));
            body.putObject("contact").put("name", "联系人" + (i % 100)).put("phone", String.format(Locale.ROOT, "138%08d", i % 100_000_000))
                    .put("email", "contact" + i + "@example.com");
            return body;
        }

        private synchronized String token(String role) {
            String[] t = tokens.get(role);
            if (t == null || System.nanoTime() > Long.parseLong(t[1])) {
                t = logIn(role);
                tokens.put(role, t);
            }
            return t[0];
        }

        private synchronized String organisation(String role) {
            token(role);
            return tokens.get(role)[2];
        }

        private String[] logIn(String role) {
            try {
                Path root = Path.of(System.getProperty("techbridge.root", "."));
                Path accounts = Path.of(env.getOrDefault("TECHBRIDGE_DATA_DIR", root.resolve("deploy/local/data").toString()))
                        .resolve("demo-accounts.json");
                for (JsonNode account : json.readTree(accounts.toFile())) {
                    if (account.path("role").asText().equals(role)) {
                        ObjectNode body = json.createObjectNode().put("username", account.path("username").asText())
                                .put("password", account.path("password").asText());
                        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create("http://" + HOST + ":"
                                        + port("TECHBRIDGE_GATEWAY_PORT", 8080) + "/api/auth/login"))
                                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build());
                        JsonNode token = json.readTree(answer.body());
                        long lifetime = token.path("expiresIn").asLong(50);
                        return new String[] {token.path("accessToken").asText(),
                                String.valueOf(System.nanoTime() + Duration.ofSeconds(lifetime / 2).toNanos()),
                                account.path("organisationId").asText()};
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            throw new IllegalStateException("no demo account of role " + role + " in demo-accounts.json");
        }

        private long proposalQueue() throws SQLException {
            String url = "jdbc:postgresql://" + HOST + ":" + pgPort + "/matching";
            try (Connection c = DriverManager.getConnection(url, "techbridge", ""); Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("select count(*) from proposal_task")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long esCount(String alias) throws IOException {
        return esGet("/" + alias + "/_count").path("count").asLong();
    }

    // ------------------------------------------------------------------------------------------
    // HTTP and formatting
    // ------------------------------------------------------------------------------------------

    private JsonNode esGet(String path) throws IOException {
        return es(HttpRequest.newBuilder(esUri(path)).GET(), path);
    }

    private JsonNode esPost(String path, JsonNode body) throws IOException {
        return es(HttpRequest.newBuilder(esUri(path)).header("Content-Type", "application/json")
                .POST(body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString())), path);
    }

    private JsonNode esPut(String path, JsonNode body) throws IOException {
        return es(HttpRequest.newBuilder(esUri(path)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString())), path);
    }

    private void esDeleteIfExists(String index) throws IOException {
        send(HttpRequest.newBuilder(esUri("/" + index)).DELETE().timeout(HTTP_TIMEOUT).build());
    }

    private URI esUri(String path) {
        return URI.create("http://" + HOST + ":" + esPort + path);
    }

    private JsonNode es(HttpRequest.Builder request, String path) throws IOException {
        HttpResponse<String> answer = send(request.timeout(HTTP_TIMEOUT).build());
        if (answer.statusCode() / 100 != 2) {
            throw new IOException("Elasticsearch " + path + " answered " + answer.statusCode() + ": "
                    + answer.body().substring(0, Math.min(500, answer.body().length())));
        }
        return json.readTree(answer.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** As the benchmark reads them: blank means the default, anything but a port number is refused by name. */
    private int port(String name, int defaultPort) {
        return MatchingBenchmark.Ports.port(env, name, defaultPort);
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        List<JsonNode> list = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(list::add);
        } else {
            node.properties().forEach(e -> list.add(e.getValue()));
        }
        return list;
    }

    private static long per(long value, long of, long per) {
        return of == 0 ? 0 : Math.round(value * (double) per / of);
    }

    static String bytes(long b) {
        if (b < 10 * 1024) {
            return grouped(b) + " B";
        }
        if (b < 10L * 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KiB", b / 1024.0);
        }
        if (b < 10L << 30) {
            return String.format(Locale.ROOT, "%.1f MiB", b / 1048576.0).replace(".0 MiB", " MiB");
        }
        return String.format(Locale.ROOT, "%.1f GiB", b / (double) (1L << 30));
    }

    static String grouped(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    private void heading(String title) {
        System.out.println();
        System.out.println("== " + title);
        markdown.append("\n#### ").append(title).append("\n\n");
    }

    private void line(String format, Object... args) {
        String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
        System.out.println(text);
        markdown.append(text).append('\n');
    }

    private void table(List<String> header, List<List<String>> rows) {
        StringBuilder t = new StringBuilder();
        t.append("| ").append(String.join(" | ", header)).append(" |\n");
        t.append("|").append("---|".repeat(header.size())).append('\n');
        for (List<String> row : rows) {
            t.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        System.out.print(t);
        markdown.append(t);
    }
}
