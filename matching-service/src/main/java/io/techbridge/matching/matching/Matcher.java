package io.techbridge.matching.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.aggregations.StringTermsBucket;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ContentTerms;
import io.techbridge.matching.search.DemandDocument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds and scores supply–demand pairs. Candidates come from two retrievers — the demand's content
 * words against the achievements' (BM25 over the {@code terms} field: rare words weigh most) and
 * kNN over the sentence embeddings — fused by reciprocal rank. Every candidate is then scored
 * pairwise by the {@link ApprovalModel}: the semantic similarity, the share of the demand's
 * content words (weighted by rarity) that the achievement has, and the structured fit. The score
 * is the estimated probability that a broker approves the pair, the same whichever side the pair
 * was found from.
 */
public class Matcher {

    private static final co.elastic.clients.elasticsearch.core.search.SourceConfig WITHOUT_VECTOR =
            co.elastic.clients.elasticsearch.core.search.SourceConfig.of(src -> src.filter(f -> f.excludes("embedding")));
    /** Title and keyword words say what a demand is about; they weigh twice its problem text. */
    private static final double HEADLINE_WEIGHT = 2;
    private static final int MATCHED_TERMS_SHOWN = 12;
    /**
     * The lexical factor blends two overlaps of content words, weighted by rarity: the share of the
     * demand's words the achievement has, and the share of the achievement's title and keyword
     * words the demand mentions; fitted on ../shared/eval/dev as 0.65 : 0.35.
     */
    static final double DEMAND_SIDE_SHARE = 0.65;
    /** The text evidence a demand's candidates are compared by: 2 × similarity + 12 × lexical overlap. */
    static final double STRENGTH_SEMANTIC = 2;
    static final double STRENGTH_LEXICAL = 12;

    private final ElasticsearchClient client;
    private final MatchingConfig config;
    private final String achievementsIndex;
    private final String demandsIndex;
    private final FactorWeightSource weights;
    private final ApprovalModel model;
    private final StandingCache standings = new StandingCache();

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
        this.model = new ApprovalModel(config.model().intercept(), config.model().coefficients());
    }

    /** How rare each word is among the achievements: document frequencies and the index size. */
    record TermStatistics(Map<String, Long> documentFrequency, long documents) {
        double idf(String term) {
            long df = documentFrequency.getOrDefault(term, 0L);
            return df == 0 ? 0 : Math.log(1 + (documents - df + 0.5) / (df + 0.5));
        }
    }

    /** The best achievements in the pool for a demand, best first, strong or not. */
    public List<ScoredPair> forDemand(DemandDocument demand, int limit) {
        Query pool = Query.of(q -> q.term(t -> t.field("inPool").value(true)));
        Map<String, Double> queryTerms = demandTerms(demand);
        Map<String, AchievementDocument> candidates = new LinkedHashMap<>();
        List<String> lexicalIds = new ArrayList<>();
        List<String> semanticIds = new ArrayList<>();
        if (!queryTerms.isEmpty()) {
            collect(search(achievementsIndex, termsQuery(queryTerms, pool), null, AchievementDocument.class), candidates,
                    lexicalIds);
        }
        if (demand.embedding() != null) {
            collect(search(achievementsIndex, pool, demand.embedding(), AchievementDocument.class), candidates, semanticIds);
        }
        List<String> fused = fuse(lexicalIds, semanticIds);
        Map<String, float[]> vectors = vectors(achievementsIndex, fused, AchievementDocument.class, AchievementDocument::embedding);
        List<AchievementDocument> shortlisted = fused.stream()
                .map(id -> candidates.get(id).withEmbedding(vectors.get(id))).toList();
        Map<String, Double> terms = demandTerms(demand);
        TermStatistics statistics = statistics(termsFor(terms, shortlisted));
        List<Evidence> evidence = shortlisted.stream().map(a -> evidence(demand, terms, a, statistics)).toList();
        Standing standing = Standing.of(evidence);
        standings.put(demand, standing);
        Instant now = Instant.now();
        return rank(evidence.stream().map(e -> score(e, standing, now)).toList(), limit);
    }

    /** The best open demands for an achievement, best first, strong or not. */
    public List<ScoredPair> forAchievement(AchievementDocument achievement, int limit) {
        Query pool = Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("inPool").value(true)))
                .filter(f -> f.range(r -> r.date(d -> d.field("validUntil").gte("now/d"))))));
        Map<String, Double> terms = new LinkedHashMap<>();
        headline(achievement.title(), achievement.keywords()).forEach(t -> terms.put(t, HEADLINE_WEIGHT));
        for (String term : termsOf(achievement)) {
            terms.putIfAbsent(term, 1.0);
        }
        Map<String, DemandDocument> candidates = new LinkedHashMap<>();
        List<String> lexicalIds = new ArrayList<>();
        List<String> semanticIds = new ArrayList<>();
        if (!terms.isEmpty()) {
            collect(search(demandsIndex, termsQuery(terms, pool), null, DemandDocument.class), candidates, lexicalIds);
        }
        if (achievement.embedding() != null) {
            collect(search(demandsIndex, pool, achievement.embedding(), DemandDocument.class), candidates, semanticIds);
        }
        List<String> fused = fuse(lexicalIds, semanticIds);
        Map<String, float[]> vectors = vectors(demandsIndex, fused, DemandDocument.class, DemandDocument::embedding);
        List<DemandDocument> shortlisted = fused.stream().map(id -> candidates.get(id).withEmbedding(vectors.get(id))).toList();
        Map<DemandDocument, Map<String, Double>> demandTerms = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (DemandDocument demand : shortlisted) {
            Map<String, Double> own = demandTerms(demand);
            demandTerms.put(demand, own);
            all.addAll(own.keySet());
        }
        all.addAll(headline(achievement.title(), achievement.keywords()));
        TermStatistics statistics = statistics(all);
        Instant now = Instant.now();
        List<ScoredPair> pairs = shortlisted.stream()
                .map(d -> score(evidence(d, demandTerms.get(d), achievement, statistics), standing(d), now))
                .toList();
        return rank(pairs, limit);
    }

    /** Scores given pairs of one demand, whatever their rank, e.g. to re-check standing proposals. */
    public List<ScoredPair> scorePairs(DemandDocument demand, List<AchievementDocument> achievements) {
        if (achievements.isEmpty()) {
            return List.of();
        }
        Map<String, Double> terms = demandTerms(demand);
        TermStatistics statistics = statistics(termsFor(terms, achievements));
        Standing standing = standing(demand);
        Instant now = Instant.now();
        return achievements.stream().map(a -> score(evidence(demand, terms, a, statistics), standing, now)).toList();
    }

    /**
     * How a demand's candidates stand, from its own ranking: kept a short while per demand version,
     * so a pair scored from the achievement's side is measured against the same competition.
     */
    private Standing standing(DemandDocument demand) {
        Standing known = standings.get(demand);
        if (known != null) {
            return known;
        }
        forDemand(demand, 1);
        return standings.get(demand);
    }

    private static Set<String> termsFor(Map<String, Double> demandTerms, List<AchievementDocument> achievements) {
        Set<String> all = new LinkedHashSet<>(demandTerms.keySet());
        achievements.forEach(a -> all.addAll(headline(a.title(), a.keywords())));
        return all;
    }

    /** Whether a score makes a strong pair: proposed, shown by default, worth an invitation. */
    public boolean isStrong(double score) {
        return score >= config.proposalThreshold();
    }

    /** What the texts of a pair share, before the model weighs it. */
    record Evidence(DemandDocument demand, AchievementDocument achievement, double cosine, double lexical,
            double demandCoverage, List<Map.Entry<String, Double>> shared, boolean demandHasContent) {

        /** The text evidence in one number, to compare a demand's candidates with each other. */
        double strength() {
            return STRENGTH_SEMANTIC * cosine + STRENGTH_LEXICAL * lexical;
        }
    }

    /**
     * How a demand's candidates stand: the mean similarity of its candidates (some demands are near
     * every text in the embedding space, some far from all) and its two strongest candidates.
     */
    record Standing(double meanCosine, String bestAchievementId, double best, double second) {
        static final Standing NONE = new Standing(0, null, 0, 0);

        static Standing of(List<Evidence> candidates) {
            if (candidates.isEmpty()) {
                return NONE;
            }
            double mean = candidates.stream().mapToDouble(Evidence::cosine).average().orElse(0);
            Evidence top = candidates.stream().max(Comparator.comparingDouble(Evidence::strength)).orElseThrow();
            double second = candidates.stream().filter(e -> e != top).mapToDouble(Evidence::strength).max()
                    .orElse(0);
            return new Standing(mean, top.achievement().id(), top.strength(), second);
        }

        /** How far a candidate stands above (positive) or below the demand's best other candidate. */
        double margin(Evidence candidate) {
            if (bestAchievementId == null) {
                return 0;
            }
            double bestOther = candidate.achievement().id().equals(bestAchievementId) ? second : best;
            return candidate.strength() - Math.max(bestOther, 0);
        }
    }

    Evidence evidence(DemandDocument demand, Map<String, Double> demandTerms, AchievementDocument achievement,
            TermStatistics statistics) {
        double cosine = demand.embedding() != null && achievement.embedding() != null
                ? Math.max(0, EmbeddingService.cosine(demand.embedding(), achievement.embedding())) : 0;
        Set<String> offered = new java.util.HashSet<>(termsOf(achievement));
        double possible = 0;
        double covered = 0;
        List<Map.Entry<String, Double>> shared = new ArrayList<>();
        for (Map.Entry<String, Double> term : demandTerms.entrySet()) {
            double weight = term.getValue() * statistics.idf(term.getKey());
            possible += weight;
            if (offered.contains(term.getKey()) && weight > 0) {
                covered += weight;
                shared.add(Map.entry(term.getKey(), weight));
            }
        }
        double demandCoverage = possible == 0 ? 0 : covered / possible;
        // The other way round: how much of what the achievement is about (title, keywords) the demand mentions.
        Set<String> asked = demandTerms.keySet();
        double headline = 0;
        double mentioned = 0;
        for (String term : headline(achievement.title(), achievement.keywords())) {
            double weight = statistics.idf(term);
            headline += weight;
            if (asked.contains(term)) {
                mentioned += weight;
            }
        }
        double achievementCoverage = headline == 0 ? 0 : mentioned / headline;
        double lexical = DEMAND_SIDE_SHARE * demandCoverage + (1 - DEMAND_SIDE_SHARE) * achievementCoverage;
        return new Evidence(demand, achievement, cosine, lexical, demandCoverage, shared, possible > 0);
    }

    /**
     * The approval model over the pair's factors and its standing among the demand's candidates;
     * the field's weights scale the coefficients and the field's recalibration (from broker
     * decisions) shifts the log-odds. Each factor's contribution is its share of the score in
     * proportion to its weighted value, so the contributions add up to the score.
     */
    ScoredPair score(Evidence e, Standing standing, Instant now) {
        DemandDocument demand = e.demand();
        AchievementDocument achievement = e.achievement();
        String field = TechnicalField.topLevel(demand.fieldCode());
        FactorWeightSource.Weighting weighting = weights.forField(field);
        double[] scale = scale(weighting.weights());

        List<FitFactors.Value> fit = fitValues(demand, achievement, now);
        double[] values = new double[FactorWeights.FACTORS.size()];
        values[0] = e.cosine();
        values[1] = e.lexical();
        for (int i = 0; i < fit.size(); i++) {
            values[i + 2] = fit.get(i).value();
        }
        // A demand without a single content word states nothing a candidate could stand out on.
        double relativeSimilarity = e.demandHasContent() ? e.cosine() - standing.meanCosine() : 0;
        double margin = e.demandHasContent() ? standing.margin(e) : 0;
        double standingLogit = config.model().relativeSimilarity() * relativeSimilarity + config.model().margin() * margin;
        double z = weighting.recalibration().apply(model.logit(values, scale) + standingLogit);
        double score = ApprovalModel.sigmoid(z);

        Map<String, String> surfaces = ContentTerms.surfaces(demandTexts(demand));
        List<String> matched = shownTerms(e.shared(), surfaces);
        double[] evidence = new double[values.length + 1];
        double totalEvidence = 0;
        for (int i = 0; i < values.length; i++) {
            evidence[i] = Math.max(0, model.coefficients()[i] * scale[i] * values[i]);
            totalEvidence += evidence[i];
        }
        evidence[values.length] = Math.max(0, standingLogit);
        totalEvidence += evidence[values.length];
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String name = FactorWeights.FACTORS.get(i);
            Reason reason = switch (i) {
                case 0 -> Reason.of("TEXT_SIMILARITY", "similarity", round(e.cosine()));
                case 1 -> matched.isEmpty() ? Reason.of("NO_TERMS_SHARED")
                        : Reason.of("TERMS_SHARED", "terms", matched.subList(0, Math.min(6, matched.size())),
                                "coverage", round(e.demandCoverage()));
                default -> fit.get(i - 2).reason();
            };
            double contribution = totalEvidence == 0 ? 0 : score * evidence[i] / totalEvidence;
            factors.add(new Factor(name, round(values[i]), round(model.coefficients()[i] * scale[i]),
                    round(contribution), reason));
        }
        boolean best = achievement.id().equals(standing.bestAchievementId());
        factors.add(new Factor(Factor.STANDING, round(ApprovalModel.sigmoid(margin)), round(config.model().margin()),
                round(totalEvidence == 0 ? 0 : score * evidence[values.length] / totalEvidence),
                Reason.of(best ? "BEST_CANDIDATE" : "BEHIND_BEST", "margin", round(margin))));
        Set<String> matchedTermsRaw = new LinkedHashSet<>();
        e.shared().forEach(t -> matchedTermsRaw.add(t.getKey()));
        return new ScoredPair(demand, achievement, score,
                new Explanation(matched, Highlighter.highlights(achievement, matchedTermsRaw), round(e.cosine()), factors,
                        new Explanation.WeightsUsed(field, weighting.learned(), !weighting.recalibration().isIdentity())),
                new ScoredPair.Inputs(e.cosine(), relativeSimilarity, e.lexical(), values[2], margin,
                        model.priors(values, scale)));
    }

    /** How far the field's learned weights move each coefficient: learned ÷ default weight. */
    private double[] scale(FactorWeights used) {
        double[] defaults = FactorWeights.defaults(config).toArray();
        double[] learned = used.toArray();
        double[] scale = new double[defaults.length];
        for (int i = 0; i < scale.length; i++) {
            scale[i] = defaults[i] == 0 ? 1 : learned[i] / defaults[i];
        }
        return scale;
    }

    /** The structured factors of a pair, in the order of {@link FactorWeights#FACTORS} after the text factors. */
    public static List<FitFactors.Value> fitValues(DemandDocument demand, AchievementDocument achievement, Instant now) {
        return List.of(FitFactors.field(demand, achievement), FitFactors.maturity(demand, achievement),
                FitFactors.modes(demand, achievement), FitFactors.budget(demand, achievement),
                FitFactors.region(demand, achievement), FitFactors.freshness(achievement, now));
    }

    /** The demand's content words, its title and keyword words weighing double. */
    static Map<String, Double> demandTerms(DemandDocument demand) {
        Map<String, Double> terms = new LinkedHashMap<>();
        headline(demand.title(), demand.keywords()).forEach(t -> terms.put(t, HEADLINE_WEIGHT));
        List<String> all = demand.terms() != null ? demand.terms()
                : ContentTerms.of(demand.title(), demand.keywords() == null ? null : String.join(" ", demand.keywords()),
                        demand.problem(), demand.indicators());
        for (String term : all) {
            terms.putIfAbsent(term, 1.0);
        }
        return terms;
    }

    private static List<String> headline(String title, List<String> keywords) {
        return ContentTerms.of(title, keywords == null ? null : String.join(" ", keywords));
    }

    private static List<String> termsOf(AchievementDocument achievement) {
        return achievement.terms() != null ? achievement.terms()
                : ContentTerms.of(achievement.title(), achievement.keywords() == null ? null
                        : String.join(" ", achievement.keywords()), achievement.summary(), achievement.advantages());
    }

    private static List<String> demandTexts(DemandDocument demand) {
        List<String> texts = new ArrayList<>();
        texts.add(demand.title());
        if (demand.keywords() != null) {
            texts.add(String.join(" ", demand.keywords()));
        }
        texts.add(demand.problem());
        texts.add(demand.indicators());
        return texts;
    }

    /**
     * The shared words as the demand writes them, rarest first; a word inside a longer shared
     * one (石墨 in 石墨烯) is not listed again.
     */
    private static List<String> shownTerms(List<Map.Entry<String, Double>> shared, Map<String, String> surfaces) {
        List<String> ordered = shared.stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> surfaces.getOrDefault(e.getKey(), e.getKey()))
                .distinct()
                .toList();
        List<String> shown = new ArrayList<>();
        for (String term : ordered) {
            boolean inside = ordered.stream().anyMatch(other -> other.length() > term.length()
                    && other.toLowerCase(java.util.Locale.ROOT).contains(term.toLowerCase(java.util.Locale.ROOT)));
            if (!inside) {
                shown.add(term);
            }
            if (shown.size() == MATCHED_TERMS_SHOWN) {
                break;
            }
        }
        return shown;
    }

    /** Document frequencies of the words among all achievements, in one request. */
    private TermStatistics statistics(Collection<String> terms) {
        if (terms.isEmpty()) {
            return new TermStatistics(Map.of(), 0);
        }
        List<String> values = List.copyOf(terms);
        try {
            SearchResponse<Void> response = client.search(s -> s.index(achievementsIndex).size(0)
                    .trackTotalHits(t -> t.enabled(true))
                    .query(q -> q.matchAll(m -> m))
                    .aggregations("df", a -> a.terms(t -> t.field("terms").size(values.size())
                            .include(i -> i.terms(values)))), Void.class);
            Map<String, Long> df = new HashMap<>();
            for (StringTermsBucket bucket : response.aggregations().get("df").sterms().buckets().array()) {
                df.put(bucket.key().stringValue(), bucket.docCount());
            }
            long documents = response.hits().total() == null ? 0 : response.hits().total().value();
            return new TermStatistics(df, documents);
        } catch (IOException e) {
            throw new UncheckedIOException("reading word statistics failed", e);
        }
    }

    private static Query termsQuery(Map<String, Double> terms, Query filter) {
        List<Query> should = new ArrayList<>();
        terms.forEach((term, weight) -> should.add(Query.of(q -> q.term(t -> t.field("terms").value(term)
                .boost(weight.floatValue())))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1").filter(filter)));
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
    private <T> Map<String, float[]> vectors(String index, List<String> ids, Class<T> type, Function<T, float[]> vector) {
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

    private static List<ScoredPair> rank(List<ScoredPair> pairs, int limit) {
        return pairs.stream()
                .sorted(Comparator.comparingDouble(ScoredPair::score).reversed()
                        .thenComparing(ScoredPair::demandId).thenComparing(ScoredPair::achievementId))
                .limit(limit)
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
