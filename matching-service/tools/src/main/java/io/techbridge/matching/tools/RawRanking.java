package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.elasticsearch.core.search.SourceConfig;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * The Elasticsearch requests a ranking sends, sent straight from the benchmark: the reference a
 * ranking's API latency is compared with. Mirrors {@code MatchResource} and {@code Matcher.forDemand} /
 * {@code forAchievement}: (a) the ranked record read by id with its vector, (b) one {@code _msearch} of
 * the content-word search and the kNN search, then at the same time (c) an exact kNN search over the
 * fused candidates only the word search found and (d) the words' statistics as term vectors of an
 * artificial document. Everything else a ranking does (scoring, explanations, standings, access rules,
 * JSON) is the API's share of the difference.
 */
final class RawRanking {

    private static final SourceConfig WITHOUT_VECTOR = SourceConfig.of(s -> s.filter(f -> f.excludes("embedding")));
    private static final double HEADLINE_WEIGHT = 2;
    /** Where the statistics request runs beside the exact kNN search, as the matcher runs them. */
    private static final ExecutorService LOOKUPS = Executors.newVirtualThreadPerTaskExecutor();

    private final ElasticsearchClient client;
    private final DocumentIndexer documents;
    private final int perRetriever;
    private final int fused;
    private final int rrfK;

    private RawRanking(ElasticsearchClient client, int perRetriever, int fused, int rrfK) {
        this.client = client;
        this.documents = new DocumentIndexer(client);
        this.perRetriever = perRetriever;
        this.fused = fused;
        this.rrfK = rrfK;
    }

    /** With the candidate pool sizes matching-service ships with (its application.properties). */
    static RawRanking withServiceDefaults(ElasticsearchClient client) {
        Properties properties = new Properties();
        try (InputStream in = RawRanking.class.getResourceAsStream("/application.properties")) {
            if (in == null) {
                throw new IllegalStateException("matching-service's application.properties is not on the classpath");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Function<String, Integer> setting = name -> Integer.parseInt(properties.getProperty("techbridge.matching." + name).strip());
        return new RawRanking(client, setting.apply("candidates-per-retriever"), setting.apply("fused-candidates"),
                setting.apply("rrf-k"));
    }

    String describe() {
        return String.format("%d per retriever, %d fused (RRF k %d)", perRetriever, fused, rrfK);
    }

    /**
     * A demand's ranking: the demand read with its vector; achievements in the pool; the statistics
     * of the demand's and the candidates' headline words. -1 when the demand is not indexed.
     */
    int forDemand(String id) throws IOException {
        DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(id)).get(id);
        if (demand == null) {
            return -1;
        }
        Map<String, Double> terms = weighted(demand.headlineTerms(), demand.terms());
        Query pool = Query.of(q -> q.term(t -> t.field("inPool").value(true)));
        return retrieve(IndexAdmin.ACHIEVEMENTS, terms, demand.embedding(), pool, AchievementDocument.class,
                candidates -> {
                    Set<String> words = new LinkedHashSet<>(terms.keySet());
                    candidates.forEach(a -> addAll(words, a.headlineTerms()));
                    return words;
                });
    }

    /**
     * An achievement's ranking: the achievement read with its vector; open demands in the pool; the
     * statistics of the candidates' words and its headline. -1 when the achievement is not indexed.
     */
    int forAchievement(String id) throws IOException {
        AchievementDocument achievement = documents.achievements(IndexAdmin.ACHIEVEMENTS, List.of(id)).get(id);
        if (achievement == null) {
            return -1;
        }
        Map<String, Double> terms = weighted(achievement.headlineTerms(), achievement.terms());
        Query pool = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("inPool").value(true)))
                .filter(f -> f.range(r -> r.date(d -> d.field("validUntil").gte("now/d"))))));
        return retrieve(IndexAdmin.DEMANDS, terms, achievement.embedding(), pool, DemandDocument.class, candidates -> {
            Set<String> words = new LinkedHashSet<>();
            for (DemandDocument demand : candidates) {
                addAll(words, demand.headlineTerms());
                addAll(words, demand.terms());
            }
            addAll(words, achievement.headlineTerms());
            return words;
        });
    }

    private static Map<String, Double> weighted(List<String> headline, List<String> all) {
        Map<String, Double> terms = new LinkedHashMap<>();
        if (headline != null) {
            headline.forEach(t -> terms.put(t, HEADLINE_WEIGHT));
        }
        if (all != null) {
            all.forEach(t -> terms.putIfAbsent(t, 1.0));
        }
        return terms;
    }

    private static void addAll(Set<String> words, List<String> more) {
        if (more != null) {
            words.addAll(more);
        }
    }

    /** The ranking's requests; returns the number of fused candidates. */
    private <T> int retrieve(String index, Map<String, Double> terms, float[] vector, Query filter, Class<T> type,
            Function<List<T>, Set<String>> statisticsWords) throws IOException {
        List<Float> queryVector = vector == null ? null : floats(vector);
        List<RequestItem> searches = new ArrayList<>();
        if (!terms.isEmpty()) {
            List<Query> should = new ArrayList<>();
            terms.forEach((term, weight) -> should.add(Query.of(q -> q.term(t -> t.field("terms").value(term)
                    .boost(weight.floatValue())))));
            searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b.size(perRetriever)
                    .query(q -> q.bool(bool -> bool.should(should).minimumShouldMatch("1").filter(filter)))
                    .source(WITHOUT_VECTOR))));
        }
        if (queryVector != null) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b.size(perRetriever)
                    .knn(k -> k.field("embedding").queryVector(queryVector).k(perRetriever)
                            .numCandidates(Math.max(100, 2 * perRetriever)).filter(filter))
                    .source(WITHOUT_VECTOR))));
        }
        if (searches.isEmpty()) {
            return 0;
        }
        List<MultiSearchResponseItem<T>> responses = client.msearch(m -> m.searches(searches), type).responses();
        Map<String, T> documents = new HashMap<>();
        Set<String> semantic = new HashSet<>();
        Map<String, Double> score = new HashMap<>();
        for (int r = 0; r < responses.size(); r++) {
            MultiSearchResponseItem<T> item = responses.get(r);
            if (item.isFailure()) {
                throw new IllegalStateException("search in " + index + " failed: " + item.failure().error().reason());
            }
            boolean knn = queryVector != null && r == responses.size() - 1;
            List<Hit<T>> hits = item.result().hits().hits();
            for (int i = 0; i < hits.size(); i++) {
                Hit<T> hit = hits.get(i);
                if (hit.source() == null) {
                    continue;
                }
                documents.putIfAbsent(hit.id(), hit.source());
                if (knn) {
                    semantic.add(hit.id());
                }
                score.merge(hit.id(), 1.0 / (rrfK + i + 1), Double::sum);
            }
        }
        List<String> kept = score.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(fused).map(Map.Entry::getKey).toList();
        Set<String> words = statisticsWords.apply(kept.stream().map(documents::get).toList());
        CompletableFuture<Void> statistics = CompletableFuture.runAsync(() -> statistics(words), LOOKUPS);
        List<String> wordsOnly = kept.stream().filter(id -> !semantic.contains(id)).toList();
        if (queryVector != null && !wordsOnly.isEmpty()) {
            client.search(s -> s.index(index).size(wordsOnly.size()).source(src -> src.fetch(false))
                    .knn(k -> k.field("embedding").queryVector(queryVector).k(wordsOnly.size())
                            .numCandidates(wordsOnly.size()).filter(f -> f.ids(i -> i.values(wordsOnly)))), Void.class);
        }
        statistics.join();
        return kept.size();
    }

    /** Word statistics are always read from the achievements, whichever side is ranked (TermStatistics). */
    private void statistics(Set<String> words) {
        if (words.isEmpty()) {
            return;
        }
        Map<String, Object> document = Map.of("terms", List.copyOf(words));
        try {
            client.<Map<String, Object>>termvectors(t -> t.index(IndexAdmin.ACHIEVEMENTS).doc(document).fields("terms")
                    .termStatistics(true).fieldStatistics(true).positions(false).offsets(false).payloads(false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Float> floats(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }
}
