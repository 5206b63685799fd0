package io.techbridge.matching.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.MsearchResponse;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds and scores supply–demand pairs. Candidates come from two retrievers — BM25 over the
 * Chinese (smartcn), bigram (cjk) and English analyses of the text, and kNN over the sentence
 * embeddings — fused by reciprocal rank in the service (the node has no licensed fusion). Every
 * candidate is then scored pairwise: semantic similarity, the demand's BM25 score against the
 * achievement, and the structured fit. The pairwise score makes a pair's score the same whichever
 * side it was found from.
 */
public class Matcher {

    /** Achievement fields a demand's text is matched against, with their boosts. */
    static final List<String> ACHIEVEMENT_FIELDS = List.of("title^3", "title.cjk^2", "title.en^2", "title.std^2",
            "keywords^3", "keywords.cjk^2", "keywords.en^2", "keywords.std^2", "summary", "summary.cjk", "summary.en",
            "summary.std", "advantages^0.5");
    static final List<String> DEMAND_FIELDS = List.of("title^3", "title.cjk^2", "title.en^2", "title.std^2",
            "keywords^3", "keywords.cjk^2", "keywords.en^2", "keywords.std^2", "problem", "problem.cjk", "problem.en",
            "problem.std", "indicators^0.5");
    private static final Pattern EMPHASIS = Pattern.compile("<em>(.+?)</em>");

    private static final co.elastic.clients.elasticsearch.core.search.SourceConfig WITHOUT_VECTOR =
            co.elastic.clients.elasticsearch.core.search.SourceConfig.of(src -> src.filter(f -> f.excludes("embedding")));

    private final ElasticsearchClient client;
    private final MatchingConfig config;
    private final String achievementsIndex;
    private final String demandsIndex;
    private final FactorWeightSource weights;

    /** A matcher scoring with the configured weights in every field. */
    public Matcher(ElasticsearchClient client, MatchingConfig config, String achievementsIndex, String demandsIndex) {
        this(client, config, achievementsIndex, demandsIndex, FactorWeightSource.fixed(FactorWeights.defaults(config)));
    }

    /** A matcher scoring each demand's pairs with the weights of the demand's top-level field. */
    public Matcher(ElasticsearchClient client, MatchingConfig config, String achievementsIndex, String demandsIndex,
            FactorWeightSource weights) {
        this.client = client;
        this.config = config;
        this.achievementsIndex = achievementsIndex;
        this.demandsIndex = demandsIndex;
        this.weights = weights;
    }

    private record Lexical(double bm25, Map<String, List<String>> highlights) {
        static final Lexical NONE = new Lexical(0, Map.of());
    }

    /** The best achievements in the pool for a demand, best first. */
    public List<ScoredPair> forDemand(DemandDocument demand, int limit) {
        Query pool = Query.of(q -> q.term(t -> t.field("inPool").value(true)));
        Map<String, AchievementDocument> candidates = new LinkedHashMap<>();
        List<String> lexicalIds = new ArrayList<>();
        List<String> semanticIds = new ArrayList<>();
        collect(search(achievementsIndex, lexicalQuery(demand.queryText(), ACHIEVEMENT_FIELDS, pool), null,
                AchievementDocument.class), candidates, lexicalIds);
        if (demand.embedding() != null) {
            collect(search(achievementsIndex, pool, demand.embedding(), AchievementDocument.class), candidates, semanticIds);
        }
        List<String> fused = fuse(lexicalIds, semanticIds);
        Map<String, float[]> vectors = vectors(achievementsIndex, fused, AchievementDocument.class, AchievementDocument::embedding);
        List<AchievementDocument> shortlisted = fused.stream()
                .map(id -> candidates.get(id).withEmbedding(vectors.get(id))).toList();
        return rank(scorePairs(demand, shortlisted), limit);
    }

    /** The best open demands for an achievement, best first. */
    public List<ScoredPair> forAchievement(AchievementDocument achievement, int limit) {
        Query pool = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("inPool").value(true)))
                .filter(f -> f.range(r -> r.date(d -> d.field("validUntil").gte("now/d"))))));
        String text = io.techbridge.matching.search.TextParts.join(achievement.title(),
                achievement.keywords() == null ? null : String.join(" ", achievement.keywords()), achievement.summary());
        Map<String, DemandDocument> candidates = new LinkedHashMap<>();
        List<String> lexicalIds = new ArrayList<>();
        List<String> semanticIds = new ArrayList<>();
        collect(search(demandsIndex, lexicalQuery(text, DEMAND_FIELDS, pool), null, DemandDocument.class), candidates,
                lexicalIds);
        if (achievement.embedding() != null) {
            collect(search(demandsIndex, pool, achievement.embedding(), DemandDocument.class), candidates, semanticIds);
        }
        List<String> fused = fuse(lexicalIds, semanticIds);
        Map<String, float[]> vectors = vectors(demandsIndex, fused, DemandDocument.class, DemandDocument::embedding);
        List<DemandDocument> shortlisted = fused.stream().map(id -> candidates.get(id).withEmbedding(vectors.get(id))).toList();
        Map<String, Lexical> lexical = lexicalPerDemand(shortlisted, achievement.id());
        Instant now = Instant.now();
        List<ScoredPair> pairs = shortlisted.stream()
                .map(d -> score(d, achievement, lexical.getOrDefault(d.id(), Lexical.NONE), now))
                .toList();
        return rank(pairs, limit);
    }

    /** Scores given pairs of one demand, whatever their rank, e.g. to re-check standing proposals. */
    public List<ScoredPair> scorePairs(DemandDocument demand, List<AchievementDocument> achievements) {
        if (achievements.isEmpty()) {
            return List.of();
        }
        List<String> ids = achievements.stream().map(AchievementDocument::id).toList();
        Query restricted = Query.of(q -> q.bool(b -> b
                .should(lexicalClause(demand.queryText(), ACHIEVEMENT_FIELDS))
                .minimumShouldMatch("0")
                .filter(f -> f.ids(i -> i.values(ids)))));
        Map<String, Lexical> lexical = new HashMap<>();
        try {
            SearchResponse<Void> response = client.search(s -> s.index(achievementsIndex).size(ids.size())
                    .query(restricted).source(src -> src.fetch(false)).highlight(highlight()), Void.class);
            for (Hit<Void> hit : response.hits().hits()) {
                lexical.put(hit.id(), new Lexical(hit.score() == null ? 0 : hit.score(), hit.highlight()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("scoring pairs failed", e);
        }
        Instant now = Instant.now();
        return achievements.stream()
                .map(a -> score(demand, a, lexical.getOrDefault(a.id(), Lexical.NONE), now))
                .toList();
    }

    /** One BM25 query per demand, restricted to the achievement: the same lexical score as from the demand's side. */
    private Map<String, Lexical> lexicalPerDemand(List<DemandDocument> demands, String achievementId) {
        Map<String, Lexical> lexical = new HashMap<>();
        if (demands.isEmpty()) {
            return lexical;
        }
        List<RequestItem> searches = new ArrayList<>();
        for (DemandDocument demand : demands) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(achievementsIndex)).body(b -> b.size(1)
                    .query(q -> q.bool(bool -> bool.must(lexicalClause(demand.queryText(), ACHIEVEMENT_FIELDS))
                            .filter(f -> f.ids(i -> i.values(achievementId)))))
                    .source(src -> src.fetch(false)).highlight(highlight()))));
        }
        try {
            MsearchResponse<Void> response = client.msearch(m -> m.searches(searches), Void.class);
            for (int i = 0; i < demands.size(); i++) {
                MultiSearchResponseItem<Void> item = response.responses().get(i);
                if (item.isResult() && !item.result().hits().hits().isEmpty()) {
                    Hit<Void> hit = item.result().hits().hits().get(0);
                    lexical.put(demands.get(i).id(), new Lexical(hit.score() == null ? 0 : hit.score(), hit.highlight()));
                }
            }
            return lexical;
        } catch (IOException e) {
            throw new UncheckedIOException("scoring pairs failed", e);
        }
    }

    /**
     * relevance × (textShare + Σ weight × value): the text decides whether a pair is relevant at
     * all, and the structured fit (field, maturity, modes, budget, region, freshness) moves a
     * relevant pair up or down by at most the structured factors' share. Unrelated texts can't
     * score high on shared modes and budgets alone. The weights are those of the demand's field
     * (learned from broker decisions, or the defaults, where relevance × (1 − fitShare + fitShare ×
     * fit) is the same sum). Each factor's contribution is its part of that product, so the
     * contributions add up to the score.
     */
    ScoredPair score(DemandDocument demand, AchievementDocument achievement, Lexical lexical, Instant now) {
        String field = io.techbridge.commons.domain.TechnicalField.topLevel(demand.fieldCode());
        FactorWeightSource.Weighting weighting = weights.forField(field);
        FactorWeights w = weighting.weights();
        double cosine = demand.embedding() != null && achievement.embedding() != null
                ? EmbeddingService.cosine(demand.embedding(), achievement.embedding()) : 0;
        double semantic = clamp((cosine - config.semanticFloor()) / (config.semanticCeiling() - config.semanticFloor()));
        double lexicalValue = lexical.bm25() / (lexical.bm25() + config.lexicalHalfScore());
        List<String> terms = matchedTerms(lexical.highlights());

        double textShare = w.textShare();
        double relevance = (w.semantic() * semantic + w.lexical() * lexicalValue) / textShare;
        List<FitFactors.Value> fit = fitValues(demand, achievement, now);
        List<String> fitNames = FactorWeights.FACTORS.subList(2, FactorWeights.FACTORS.size());
        double[] fitWeights = w.fit();
        double multiplier = textShare;
        for (int i = 0; i < fit.size(); i++) {
            multiplier += fitWeights[i] * fit.get(i).value();
        }

        List<Factor> factors = new ArrayList<>();
        // relevance × textShare comes from the text, relevance × weight × value from each structured factor.
        factors.add(new Factor(Factor.SEMANTIC, round(semantic), round(w.semantic()),
                round(w.semantic() * semantic), String.format("text similarity %.2f", cosine)));
        factors.add(new Factor(Factor.LEXICAL, round(lexicalValue), round(w.lexical()),
                round(w.lexical() * lexicalValue), terms.isEmpty()
                ? "no shared terms" : "shared terms: " + String.join("、", terms.subList(0, Math.min(6, terms.size())))));
        for (int i = 0; i < fit.size(); i++) {
            factors.add(new Factor(fitNames.get(i), round(fit.get(i).value()), round(fitWeights[i]),
                    round(relevance * fitWeights[i] * fit.get(i).value()), fit.get(i).reason()));
        }
        double score = round(clamp(relevance * multiplier));
        return new ScoredPair(demand, achievement, score,
                new Explanation(terms, lexical.highlights(), round(cosine), round(lexical.bm25()), factors,
                        new Explanation.WeightsUsed(field, weighting.learned())));
    }

    /** The structured factors of a pair, in the order of {@link FactorWeights#FACTORS} after the text factors. */
    public static List<FitFactors.Value> fitValues(DemandDocument demand, AchievementDocument achievement, Instant now) {
        return List.of(FitFactors.field(demand, achievement), FitFactors.maturity(demand, achievement),
                FitFactors.modes(demand, achievement), FitFactors.budget(demand, achievement),
                FitFactors.region(demand, achievement), FitFactors.freshness(achievement, now));
    }

    private <T> SearchResponse<T> search(String index, Query query, float[] vector, Class<T> type) {
        int n = config.candidatesPerRetriever();
        try {
            if (vector == null) {
                return client.search(s -> s.index(index).size(n).query(query).source(WITHOUT_VECTOR), type);
            }
            List<Float> queryVector = new ArrayList<>(vector.length);
            for (float v : vector) {
                queryVector.add(v);
            }
            return client.search(s -> s.index(index).size(n)
                    .knn(k -> k.field("embedding").queryVector(queryVector).k(n).numCandidates(Math.max(100, 4 * n))
                            .filter(query)).source(WITHOUT_VECTOR), type);
        } catch (IOException e) {
            throw new UncheckedIOException("search in " + index + " failed", e);
        }
    }

    /**
     * The vectors of the shortlisted candidates only. Candidate searches leave the 512-float
     * vectors out of their hits: reading them back for 100 hits was most of a match's cost.
     */
    private <T> Map<String, float[]> vectors(String index, List<String> ids, Class<T> type,
            java.util.function.Function<T, float[]> vector) {
        Map<String, float[]> vectors = new HashMap<>();
        if (ids.isEmpty()) {
            return vectors;
        }
        try {
            SearchResponse<T> response = client.search(s -> s.index(index).size(ids.size())
                    .query(q -> q.ids(i -> i.values(ids))).source(src -> src.filter(f -> f.includes("embedding"))), type);
            for (Hit<T> hit : response.hits().hits()) {
                if (hit.source() != null && vector.apply(hit.source()) != null) {
                    vectors.put(hit.id(), vector.apply(hit.source()));
                }
            }
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException("reading vectors from " + index + " failed", e);
        }
    }

    private static <T> void collect(SearchResponse<T> response, Map<String, T> documents, List<String> ranking) {
        for (Hit<T> hit : response.hits().hits()) {
            if (hit.source() != null) {
                documents.putIfAbsent(hit.id(), hit.source());
                ranking.add(hit.id());
            }
        }
    }

    /** Reciprocal-rank fusion of the two rankings; the best fused candidates go on to scoring. */
    private List<String> fuse(List<String> lexical, List<String> semantic) {
        Map<String, Double> fused = new HashMap<>();
        int k = config.rrfK();
        for (int i = 0; i < lexical.size(); i++) {
            fused.merge(lexical.get(i), 1.0 / (k + i + 1), Double::sum);
        }
        for (int i = 0; i < semantic.size(); i++) {
            fused.merge(semantic.get(i), 1.0 / (k + i + 1), Double::sum);
        }
        return fused.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(config.fusedCandidates())
                .map(Map.Entry::getKey)
                .toList();
    }

    static Query lexicalQuery(String text, List<String> fields, Query filter) {
        return Query.of(q -> q.bool(b -> b.must(lexicalClause(text, fields)).filter(filter)));
    }

    static Query lexicalClause(String text, List<String> fields) {
        return Query.of(q -> q.multiMatch(m -> m.query(text).fields(fields).type(TextQueryType.BestFields)
                .tieBreaker(0.3)));
    }

    private static Highlight highlight() {
        HighlightField whole = HighlightField.of(f -> f.numberOfFragments(0));
        HighlightField fragments = HighlightField.of(f -> f.fragmentSize(80).numberOfFragments(2));
        return Highlight.of(h -> h.preTags("<em>").postTags("</em>").requireFieldMatch(false)
                .fields(NamedValue.of("title", whole), NamedValue.of("keywords", whole),
                        NamedValue.of("summary", fragments), NamedValue.of("advantages", fragments)));
    }

    static List<String> matchedTerms(Map<String, List<String>> highlights) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (List<String> fragments : highlights.values()) {
            for (String fragment : fragments) {
                java.util.regex.Matcher m = EMPHASIS.matcher(fragment);
                while (m.find()) {
                    String term = m.group(1).strip();
                    if (term.length() > 1 || !Character.isIdeographic(term.codePointAt(0)) && !term.isEmpty()) {
                        counts.merge(term.toLowerCase(), 1, Integer::sum);
                    }
                }
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .map(Map.Entry::getKey)
                .limit(12)
                .collect(java.util.stream.Collectors.toCollection(LinkedHashSet::new))
                .stream().toList();
    }

    private static List<ScoredPair> rank(List<ScoredPair> pairs, int limit) {
        return pairs.stream()
                .sorted(Comparator.comparingDouble(ScoredPair::score).reversed()
                        .thenComparing(ScoredPair::demandId).thenComparing(ScoredPair::achievementId))
                .limit(limit)
                .toList();
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
