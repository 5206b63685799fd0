package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.events.AchievementPayload;
import io.techbridge.events.AmountRange;
import io.techbridge.events.DemandPayload;
import io.techbridge.matching.messaging.ListingDocuments;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.DocumentMapper;
import io.techbridge.matching.search.IndexAdmin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures how well matching ranks achievements for demands on a labelled set (format:
 * ../shared/eval/README.md). The set is indexed with the production indexing code and every
 * demand runs through the production matcher; a plain BM25 baseline (standard analyzer, same
 * fields) runs beside it. Prints recall@10, nDCG@10 and MRR for both, the calibration at the
 * operating threshold (proposal precision, answered, silent, proposals per no-answer demand) and
 * the precision of keyword search; {@code --json FILE} writes every figure. {@code --fit SET…}
 * instead refits the approval model on the candidates of the given sets.
 *
 * <p>Usage: {@code matching-service/evaluate [set-folder] [--es host:port] [--json FILE]}, or
 * {@code matching-service/evaluate --fit set-folder… [--es host:port]}
 */
public final class RelevanceEvaluation {

    private static final int K = 10;
    private static final String BASELINE_MAPPING = """
            {"settings": {"number_of_shards": 1, "number_of_replicas": 0},
             "mappings": {"properties": {
               "title": {"type": "text", "analyzer": "standard"},
               "summary": {"type": "text", "analyzer": "standard"},
               "keywords": {"type": "text", "analyzer": "standard"}}}}""";

    private final ElasticsearchClient client;
    private final ObjectMapper mapper = DocumentMapper.create();
    /** The embeddings of the records prepared, for {@code --rows}. */
    private final Map<String, float[]> vectors = new HashMap<>();

    RelevanceEvaluation(ElasticsearchClient client) {
        this.client = client;
    }

    record Judged(DemandDocument demand, Map<String, Integer> relevant) {
    }

    record Metrics(double recall, double ndcg, double mrr, int queries) {
    }

    record Calibration(double threshold, double proposalPrecision, double answered, double silent,
            double proposalsPerNoAnswer, int proposals, int answerable, int noAnswer) {
    }

    public static void main(String[] args) throws Exception {
        if (java.util.Arrays.asList(args).contains("--learning")) {
            LearningEvaluation.main(args);
            return;
        }
        Path set = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/eval/dev");
        String es = option(args, "--es", "127.0.0.1:9200");
        String json = option(args, "--json", null);
        boolean fit = java.util.Arrays.asList(args).contains("--fit");
        ElasticsearchClient client = ToolSupport.elasticsearch(es);
        try {
            if (fit) {
                List<Path> sets = new ArrayList<>();
                for (int i = 0; i < args.length; i++) {
                    if (args[i].startsWith("--")) {
                        i += args[i].equals("--fit") ? 0 : 1;
                    } else {
                        sets.add(Path.of(args[i]));
                    }
                }
                String rowsFile = option(args, "--rows", null);
                new RelevanceEvaluation(client).fit(sets.isEmpty() ? List.of(set) : sets, ToolSupport.matchingConfig(),
                        rowsFile == null ? null : Path.of(rowsFile));
            } else {
                new RelevanceEvaluation(client).run(set, ToolSupport.matchingConfig(), json == null ? null : Path.of(json));
            }
        } finally {
            client._transport().close();
        }
        // The model's native threads would keep the JVM alive.
        System.exit(0);
    }

    /** A set indexed with the production code, ready to be matched. */
    record Prepared(String achievementsIndex, String demandsIndex, String baselineIndex, int achievements,
            List<Judged> judged) {
    }

    Prepared prepare(Path set, EmbeddingService embeddings) throws IOException {
        IndexAdmin admin = new IndexAdmin(client);
        DocumentIndexer indexer = new DocumentIndexer(client);
        String suffix = Long.toString(System.nanoTime());
        String achievementsIndex = admin.createIndex("achievements-eval-" + suffix, IndexAdmin.mapping(IndexAdmin.ACHIEVEMENTS));
        String demandsIndex = admin.createIndex("demands-eval-" + suffix, IndexAdmin.mapping(IndexAdmin.DEMANDS));
        String baselineIndex = admin.createIndex("eval-bm25-" + suffix, BASELINE_MAPPING);
        List<AchievementPayload> achievements = readAchievements(set.resolve("achievements.jsonl"));
        List<AchievementDocument> documents = new ArrayList<>();
        for (AchievementPayload a : achievements) {
            documents.add(ListingDocuments.of(a));
        }
        List<float[]> vectors = embeddings.embedAll(documents.stream().map(AchievementDocument::embeddingText).toList());
        for (int i = 0; i < documents.size(); i++) {
            documents.set(i, documents.get(i).withEmbedding(vectors.get(i)));
            this.vectors.put(documents.get(i).id(), vectors.get(i));
        }
        indexer.indexAchievements(achievementsIndex, documents, true);
        indexBaseline(baselineIndex, achievements);
        List<Judged> judged = readDemands(set.resolve("demands.jsonl"), embeddings);
        // The open demands are the neighbourhood an achievement's similarity is weighed against.
        indexer.indexDemands(demandsIndex, judged.stream().map(Judged::demand).toList(), true);
        return new Prepared(achievementsIndex, demandsIndex, baselineIndex, achievements.size(), judged);
    }

    void drop(Prepared prepared) {
        IndexAdmin admin = new IndexAdmin(client);
        for (String index : List.of(prepared.achievementsIndex(), prepared.demandsIndex(), prepared.baselineIndex())) {
            admin.deleteIndex(index);
        }
    }

    /** Refits the approval model on the candidates of every given set (see {@link ModelFit}). */
    private void fit(List<Path> sets, MatchingConfig config, Path rowsFile) throws IOException {
        EmbeddingService embeddings = new EmbeddingService();
        Map<String, List<ModelFit.Row>> rows = new java.util.LinkedHashMap<>();
        Map<String, List<Judged>> judgedBySet = new java.util.LinkedHashMap<>();
        List<Map<String, Object>> written = new ArrayList<>();
        for (Path set : sets) {
            Prepared prepared = prepare(set, embeddings);
            try {
                Matcher matcher = new Matcher(client, config, prepared.achievementsIndex(), prepared.demandsIndex());
                List<ModelFit.Row> setRows = ModelFit.rows(prepared.judged(), matcher, config);
                rows.put(set.getFileName().toString(), setRows);
                judgedBySet.put(set.getFileName().toString(), prepared.judged());
                for (ModelFit.Row r : setRows) {
                    Map<String, Object> row = new java.util.LinkedHashMap<>();
                    row.put("set", set.getFileName().toString());
                    row.put("demand", r.demandId());
                    row.put("achievement", r.achievementId());
                    row.put("features", r.features());
                    row.put("offset", r.offset());
                    row.put("relevant", r.relevant());
                    written.add(row);
                }
            } finally {
                drop(prepared);
            }
        }
        if (rowsFile != null) {
            judgedBySet.values().forEach(js -> js.forEach(j -> vectors.put(j.demand().id(), j.demand().embedding())));
            mapper.writeValue(rowsFile.toFile(), Map.of("rows", written, "vectors", vectors));
        }
        ModelFit.report(rows, judgedBySet, config);
    }

    private void run(Path set, MatchingConfig config, Path json) throws IOException {
        long started = System.nanoTime();
        EmbeddingService embeddings = new EmbeddingService();
        Prepared prepared = prepare(set, embeddings);
        String achievementsIndex = prepared.achievementsIndex();
        String demandsIndex = prepared.demandsIndex();
        String baselineIndex = prepared.baselineIndex();
        try {
            List<Judged> judged = prepared.judged();
            Matcher matcher = new Matcher(client, config, achievementsIndex, demandsIndex);
            Map<String, List<ScoredPair>> ranked = new HashMap<>();
            for (Judged j : judged) {
                ranked.put(j.demand().id(), matcher.forDemand(j.demand(), K));
            }
            Metrics full = evaluate(judged, j -> ranked.get(j.demand().id()).stream().map(ScoredPair::achievementId).toList());
            Metrics baseline = evaluate(judged, j -> bm25(baselineIndex, j.demand()));
            Calibration calibration = calibration(judged, ranked, config.proposalThreshold(),
                    config.maxProposalsPerRecord());

            System.out.printf("%nRelevance on %s: %d achievements, %d demands (%d with judgements), top %d%n%n",
                    set, prepared.achievements(), judged.size(), full.queries(), K);
            System.out.println("| system | recall@10 | nDCG@10 | MRR |");
            System.out.println("|---|---|---|---|");
            print("TechBridge matcher (content words + kNN, approval model)", full);
            print("BM25 baseline (standard analyzer, same fields)", baseline);
            System.out.printf(Locale.ROOT, "%nCalibration at the operating threshold %.2f (%d proposals; %d answerable demands, "
                    + "%d without an answer)%n%n", calibration.threshold(), calibration.proposals(), calibration.answerable(),
                    calibration.noAnswer());
            System.out.println("| proposal precision | answered | silent | proposals per no-answer demand |");
            System.out.println("|---|---|---|---|");
            System.out.printf(Locale.ROOT, "| %.3f | %.3f | %.3f | %.2f |%n", calibration.proposalPrecision(),
                    calibration.answered(), calibration.silent(), calibration.proposalsPerNoAnswer());
            SearchEvaluation.Result search = SearchEvaluation.run(client, achievementsIndex, demandsIndex, judged, embeddings);
            System.out.printf(Locale.ROOT, "%nSearch: %d keyword queries (each demand's keywords), precision of the top 10 hits "
                    + "%.3f, hits per query %.1f, queries with no hit %d%n", search.queries(), search.precisionAt10(),
                    search.meanHits(), search.empty());
            System.out.printf("%n(%.1f s)%n", (System.nanoTime() - started) / 1e9);
            if (json != null) {
                writeJson(json, set, prepared.achievements(), judged.size(), full, baseline, calibration, search);
            }
        } finally {
            drop(prepared);
        }
    }

    /**
     * Proposals are the pairs of a demand's top {@code max} at or above the threshold, as the
     * proposal worker makes them. Precision and answered count answerable demands only; silent and
     * proposals per no-answer demand count the demands without an answer.
     */
    static Calibration calibration(List<Judged> judged, Map<String, List<ScoredPair>> ranked, double threshold, int max) {
        int proposals = 0;
        int relevantProposals = 0;
        int answerable = 0;
        int answered = 0;
        int noAnswer = 0;
        int silent = 0;
        int noAnswerProposals = 0;
        for (Judged j : judged) {
            List<ScoredPair> proposed = ranked.get(j.demand().id()).stream().limit(max)
                    .filter(p -> p.score() >= threshold).toList();
            boolean hasAnswer = j.relevant().values().stream().anyMatch(g -> g > 0);
            if (hasAnswer) {
                answerable++;
                long good = proposed.stream().filter(p -> j.relevant().getOrDefault(p.achievementId(), 0) >= 1).count();
                proposals += proposed.size();
                relevantProposals += (int) good;
                if (good > 0) {
                    answered++;
                }
            } else {
                noAnswer++;
                noAnswerProposals += proposed.size();
                if (proposed.isEmpty()) {
                    silent++;
                }
            }
        }
        return new Calibration(threshold, proposals == 0 ? 0 : (double) relevantProposals / proposals,
                answerable == 0 ? 0 : (double) answered / answerable, noAnswer == 0 ? 1 : (double) silent / noAnswer,
                noAnswer == 0 ? 0 : (double) noAnswerProposals / noAnswer, proposals + noAnswerProposals, answerable, noAnswer);
    }

    private void writeJson(Path file, Path set, int achievements, int demands, Metrics matcher, Metrics baseline,
            Calibration calibration, SearchEvaluation.Result search) throws IOException {
        Map<String, Object> root = new java.util.LinkedHashMap<>();
        root.put("set", set.getFileName().toString());
        root.put("achievements", achievements);
        root.put("demands", demands);
        root.put("matcher", metrics(matcher));
        root.put("baseline", metrics(baseline));
        Map<String, Object> c = new java.util.LinkedHashMap<>();
        c.put("threshold", calibration.threshold());
        c.put("proposalPrecision", calibration.proposalPrecision());
        c.put("answered", calibration.answered());
        c.put("silent", calibration.silent());
        c.put("proposalsPerNoAnswer", calibration.proposalsPerNoAnswer());
        root.put("calibration", c);
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("queries", search.queries());
        s.put("precisionAt10", search.precisionAt10());
        s.put("meanHits", search.meanHits());
        s.put("emptyQueries", search.empty());
        root.put("search", s);
        mapper.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), root);
    }

    private static Map<String, Object> metrics(Metrics m) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        map.put("recallAt10", m.recall());
        map.put("ndcgAt10", m.ndcg());
        map.put("mrr", m.mrr());
        return map;
    }

    interface Ranker {
        List<String> rank(Judged judged) throws IOException;
    }

    static Metrics evaluate(List<Judged> judged, Ranker ranker) throws IOException {
        double recall = 0;
        double ndcg = 0;
        double mrr = 0;
        int queries = 0;
        for (Judged j : judged) {
            if (j.relevant().values().stream().noneMatch(g -> g > 0)) {
                continue;
            }
            queries++;
            List<String> ranked = ranker.rank(j);
            recall += recallAt(ranked, j.relevant());
            ndcg += ndcgAt(ranked, j.relevant());
            mrr += reciprocalRank(ranked, j.relevant());
        }
        return new Metrics(recall / queries, ndcg / queries, mrr / queries, queries);
    }

    static double recallAt(List<String> ranked, Map<String, Integer> relevant) {
        long wanted = relevant.values().stream().filter(g -> g > 0).count();
        long found = ranked.stream().limit(K).filter(id -> relevant.getOrDefault(id, 0) > 0).count();
        return wanted == 0 ? 0 : (double) found / wanted;
    }

    static double ndcgAt(List<String> ranked, Map<String, Integer> relevant) {
        double dcg = 0;
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            dcg += (Math.pow(2, relevant.getOrDefault(ranked.get(i), 0)) - 1) / log2(i + 2);
        }
        List<Integer> ideal = relevant.values().stream().sorted((a, b) -> b - a).limit(K).toList();
        double idcg = 0;
        for (int i = 0; i < ideal.size(); i++) {
            idcg += (Math.pow(2, ideal.get(i)) - 1) / log2(i + 2);
        }
        return idcg == 0 ? 0 : dcg / idcg;
    }

    static double reciprocalRank(List<String> ranked, Map<String, Integer> relevant) {
        for (int i = 0; i < Math.min(K, ranked.size()); i++) {
            if (relevant.getOrDefault(ranked.get(i), 0) >= 1) {
                return 1.0 / (i + 1);
            }
        }
        return 0;
    }

    private List<String> bm25(String index, DemandDocument demand) throws IOException {
        SearchResponse<Void> response = client.search(s -> s.index(index).size(K).source(src -> src.fetch(false))
                .query(q -> q.multiMatch(m -> m.query(demand.queryText()).fields("title", "summary", "keywords")
                        .type(TextQueryType.BestFields).tieBreaker(0.3))), Void.class);
        return response.hits().hits().stream().map(Hit::id).toList();
    }

    private void indexBaseline(String index, List<AchievementPayload> achievements) throws IOException {
        client.bulk(b -> {
            for (AchievementPayload a : achievements) {
                Map<String, Object> doc = new HashMap<>();
                doc.put("title", a.title());
                doc.put("summary", a.summary());
                doc.put("keywords", a.keywords());
                b.operations(op -> op.index(i -> i.index(index).id(a.id()).document(doc)));
            }
            return b.refresh(co.elastic.clients.elasticsearch._types.Refresh.True);
        });
    }

    List<AchievementPayload> readAchievements(Path file) throws IOException {
        List<AchievementPayload> result = new ArrayList<>();
        Instant now = Instant.now();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode a = mapper.readTree(line);
            result.add(new AchievementPayload(a.get("id").asText(), 1, "eval", null, a.get("title").asText(),
                    a.path("summary").asText(""), strings(a.get("keywords")), fieldCode(a.path("field").asText(null)),
                    a.hasNonNull("trl") ? a.get("trl").asInt() : null, null, List.of(), List.of(),
                    strings(a.get("transferModes")), AmountRange.negotiableOnly(), false, null,
                    region(a.path("region").asText(null)), List.of(), "PUBLISHED", null, null, now, now));
        }
        return result;
    }

    List<Judged> readDemands(Path file, EmbeddingService embeddings) throws IOException {
        List<Judged> result = new ArrayList<>();
        Instant now = Instant.now();
        for (String line : Files.readAllLines(file)) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode d = mapper.readTree(line);
            DemandPayload payload = new DemandPayload(d.get("id").asText(), 1, "eval", null, d.path("title").asText(""),
                    d.get("description").asText(), null, fieldCode(d.path("field").asText(null)), strings(d.get("keywords")),
                    AmountRange.negotiableOnly(), LocalDate.now().plusYears(1), region(d.path("region").asText(null)),
                    strings(d.get("cooperationModes")), d.hasNonNull("minTrl") ? d.get("minTrl").asInt() : null,
                    "PUBLIC", null, "OPEN", null, null, now, now);
            DemandDocument document = ListingDocuments.of(payload);
            document = document.withEmbedding(embeddings.embed(document.embeddingText()));
            Map<String, Integer> relevant = new HashMap<>();
            d.get("relevant").fields().forEachRemaining(e -> relevant.put(e.getKey(), e.getValue().asInt()));
            result.add(new Judged(document, relevant));
        }
        return result;
    }

    /** The set names fields (新材料) where the platform uses codes (04). */
    private static String fieldCode(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        if (TechnicalField.exists(name)) {
            return name;
        }
        return TechnicalField.all().stream().filter(f -> f.nameZh().equals(name) || f.nameEn().equalsIgnoreCase(name))
                .map(TechnicalField::code).findFirst().orElse(null);
    }

    private static String region(String code) {
        return code != null && code.matches("\\d{6}") ? code : null;
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node != null && node.isArray()) {
            node.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    static void print(String name, Metrics m) {
        System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3f |%n", name, m.recall(), m.ndcg(), m.mrr());
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    static String option(String[] args, String name, String defaultValue) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return args[i + 1];
            }
        }
        return defaultValue;
    }
}
