package io.techbridge.matching.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.opentelemetry.context.Context;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ContentTerms;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.SearchUnavailableException;

import java.io.IOException;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

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
    /** No lower bound: every ranked pair, however weak. */
    public static final double ANY_SCORE = Double.NEGATIVE_INFINITY;
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
    /**
     * Where a ranking's independent lookups run beside it (each one request to Elasticsearch, in
     * the ranking's trace): a virtual thread each, as they mostly wait.
     */
    private static final ExecutorService LOOKUPS = Context.taskWrapping(Executors.newVirtualThreadPerTaskExecutor());

    private final ElasticsearchClient client;
    private final MatchingConfig config;
    private final String achievementsIndex;
    private final String demandsIndex;
    private final FactorWeightSource weights;
    private final ApprovalModel model;
    private final StandingStore standings;
    private final AchievementNeighbourhood neighbourhood;
    /** Reads stored records with their vectors (candidates come back without them). */
    private final DocumentIndexer documents;

    /** A matcher scoring with the configured weights in every field. */
    public Matcher(ElasticsearchClient client, MatchingConfig config, String achievementsIndex, String demandsIndex) {
        this(client, config, achievementsIndex, demandsIndex, FactorWeightSource.fixed(FactorWeights.defaults(config)));
    }

    /** A matcher scoring each demand's pairs with the weights of the demand's top-level field. */
    public Matcher(ElasticsearchClient client, MatchingConfig config, String achievementsIndex, String demandsIndex,
            FactorWeightSource weights) {
        this(client, config, achievementsIndex, demandsIndex, weights, StandingStore.inMemory(20_000), NeighbourhoodStore.none());
    }

    /** A matcher that keeps the demands' standings and the achievements' neighbourhoods in the given stores. */
    public Matcher(ElasticsearchClient client, MatchingConfig config, String achievementsIndex, String demandsIndex,
            FactorWeightSource weights, StandingStore standings, NeighbourhoodStore neighbourhoods) {
        this.client = client;
        this.standings = standings;
        this.config = config;
        this.achievementsIndex = achievementsIndex;
        this.demandsIndex = demandsIndex;
        this.weights = weights;
        this.model = new ApprovalModel(config.model().intercept(), config.model().coefficients());
        this.documents = new DocumentIndexer(client);
        this.neighbourhood = new AchievementNeighbourhood(client, documents, achievementsIndex, demandsIndex,
                config.nearestNeighbours(), neighbourhoods);
    }

    /** The best achievements in the pool for a demand, best first, strong or not. */
    public List<ScoredPair> forDemand(DemandDocument demand, int limit) {
        return forDemand(demand, limit, ANY_SCORE);
    }

    /**
     * The best achievements in the pool for a demand scoring at least {@code minScore}, best first.
     * Pairs below it are not explained: their words and highlights were most of a ranking's own work.
     */
    public List<ScoredPair> forDemand(DemandDocument demand, int limit, double minScore) {
        DemandCandidates candidates = candidates(demand, true);
        if (limit == 0 || candidates.evidence().isEmpty()) {
            return List.of();
        }
        Map<String, Double> similarity = new HashMap<>();
        candidates.evidence().forEach(e -> similarity.put(e.achievement().id(), e.cosine()));
        Map<String, Double> neighbours = neighbourhood.nearestCosine(joined(candidates.neighbourhoods()),
                candidates.evidence().stream().map(Evidence::achievement).toList(), openDemandId(demand), similarity);
        Instant now = Instant.now();
        List<Assessment> ranked = rank(candidates.evidence().stream()
                .map(e -> assess(e, candidates.standing(), neighbours.getOrDefault(e.achievement().id(), 0.0), now))
                .toList(), limit, minScore);
        if (ranked.isEmpty()) {
            return List.of();
        }
        Map<String, String> surfaces = ContentTerms.surfaces(demandTexts(demand));
        return ranked.stream().map(a -> explain(a, surfaces)).toList();
    }

    /**
     * A demand's candidates with their text evidence, the standing they give it, and (when asked
     * for) each candidate's nearest open demands by achievement id.
     */
    private record DemandCandidates(List<Evidence> evidence, Standing standing,
            CompletableFuture<Map<String, List<Neighbour>>> neighbourhoods) {
    }

    /**
     * Finds a demand's candidates and keeps the standing they give it. Once the candidates are
     * known, the word statistics, the exact similarities of those found by their words alone and
     * (when asked for) the candidates' neighbourhoods are three independent requests: they run at
     * the same time, so a ranking waits for the slowest of them, not their sum.
     */
    private DemandCandidates candidates(DemandDocument demand, boolean withNeighbourhoods) {
        Query pool = Query.of(q -> q.term(t -> t.field("inPool").value(true)));
        Map<String, Double> terms = demandTerms(demand);
        List<Float> queryVector = vectorOf(demand.embedding());
        Shortlist<AchievementDocument> shortlist = shortlist(achievementsIndex, terms, queryVector, pool,
                AchievementDocument.class);
        List<AchievementDocument> found = shortlist.documents();
        CompletableFuture<TermStatistics> statistics = meanwhile(() -> statistics(termsFor(terms, found)));
        CompletableFuture<Map<String, List<Neighbour>>> neighbourhoods = withNeighbourhoods
                && !found.isEmpty() ? meanwhile(() -> neighbourhood.nearestOf(found)) : CompletableFuture.completedFuture(Map.of());
        Retrieval<AchievementDocument> retrieval = scored(achievementsIndex, shortlist, queryVector);
        TermStatistics words = joined(statistics);
        List<Evidence> evidence = retrieval.candidates().stream()
                .map(c -> evidence(demand, terms, c.document(), c.cosine(), words)).toList();
        Standing standing = Standing.of(evidence, neighbourhood.mean(retrieval.nearest()),
                retrieval.nearest().size() >= config.nearestNeighbours());
        standings.save(demand, standing);
        return new DemandCandidates(evidence, standing, neighbourhoods);
    }

    /** Starts a lookup beside the ranking's own thread. */
    private static <R> CompletableFuture<R> meanwhile(Supplier<R> lookup) {
        return CompletableFuture.supplyAsync(lookup, LOOKUPS);
    }

    /** A lookup's result, or its own failure as the ranking's (not wrapped). */
    private static <R> R joined(CompletableFuture<R> lookup) {
        try {
            return lookup.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /** The best open demands for an achievement, best first, strong or not. */
    public List<ScoredPair> forAchievement(AchievementDocument achievement, int limit) {
        return forAchievement(achievement, limit, ANY_SCORE);
    }

    /** The best open demands for an achievement scoring at least {@code minScore}, best first; only they are explained. */
    public List<ScoredPair> forAchievement(AchievementDocument achievement, int limit, double minScore) {
        Map<String, Double> terms = new LinkedHashMap<>();
        headline(achievement).forEach(t -> terms.put(t, HEADLINE_WEIGHT));
        for (String term : termsOf(achievement)) {
            terms.putIfAbsent(term, 1.0);
        }
        List<Float> queryVector = vectorOf(achievement.embedding());
        Shortlist<DemandDocument> shortlist = shortlist(demandsIndex, terms, queryVector, demandPool(),
                DemandDocument.class);
        Map<DemandDocument, Map<String, Double>> demandTerms = new LinkedHashMap<>();
        Set<String> all = new LinkedHashSet<>();
        for (DemandDocument demand : shortlist.documents()) {
            Map<String, Double> own = demandTerms(demand);
            demandTerms.put(demand, own);
            all.addAll(own.keySet());
        }
        all.addAll(headline(achievement));
        // The word statistics need the candidates' words only, not their exact similarities: both at once.
        CompletableFuture<TermStatistics> words = meanwhile(() -> statistics(all));
        Retrieval<DemandDocument> retrieval = scored(demandsIndex, shortlist, queryVector);
        List<Candidate<DemandDocument>> shortlisted = retrieval.candidates();
        neighbourhood.remember(achievement, retrieval.nearest());
        double achievementNearest = neighbourhood.mean(retrieval.nearest());
        TermStatistics statistics = joined(words);
        Map<String, Standing> standing = standingsOf(shortlisted.stream().map(Candidate::document).toList());
        Instant now = Instant.now();
        List<Assessment> assessed = new ArrayList<>();
        for (Candidate<DemandDocument> candidate : shortlisted) {
            DemandDocument demand = candidate.document();
            Evidence e = evidence(demand, demandTerms.get(demand), achievement, candidate.cosine(), statistics);
            assessed.add(assess(e, counted(demand, standing.get(demand.id()), e), achievementNearest, now));
        }
        return rank(assessed, limit, minScore).stream()
                .map(a -> explain(a, ContentTerms.surfaces(demandTexts(a.evidence().demand())))).toList();
    }

    /** The demand's id if it is one of the open demands an achievement's neighbourhood is made of. */
    private static String openDemandId(DemandDocument demand) {
        boolean current = demand.validUntil() == null || !demand.validUntil().isBefore(java.time.LocalDate.now());
        return demand.inPool() && current ? demand.id() : null;
    }

    /** The demands an achievement may be paired with: open, public or for brokers, and not past their date. */
    static Query demandPool() {
        return Query.of(q -> q.bool(b -> b
                .filter(f -> f.term(t -> t.field("inPool").value(true)))
                .filter(f -> f.range(r -> r.date(d -> d.field("validUntil").gte("now/d"))))));
    }

    /** Scores given pairs of one demand, whatever their rank, e.g. to re-check standing proposals. */
    public List<ScoredPair> scorePairs(DemandDocument demand, List<AchievementDocument> achievements) {
        if (achievements.isEmpty()) {
            return List.of();
        }
        Map<String, Double> terms = demandTerms(demand);
        TermStatistics statistics = statistics(termsFor(terms, achievements));
        Standing standing = standingsOf(List.of(demand)).get(demand.id());
        Map<String, Double> similarity = new HashMap<>();
        achievements.forEach(a -> similarity.put(a.id(), cosine(demand.embedding(), a.embedding())));
        Map<String, Double> neighbours = neighbourhood.nearestCosine(neighbourhood.nearestOf(achievements), achievements,
                openDemandId(demand), similarity);
        Instant now = Instant.now();
        Map<String, String> surfaces = ContentTerms.surfaces(demandTexts(demand));
        return achievements.stream()
                .map(a -> explain(assess(evidence(demand, terms, a, similarity.get(a.id()), statistics),
                        standing, neighbours.getOrDefault(a.id(), 0.0), now), surfaces))
                .toList();
    }

    /**
     * The standings of demands, from the store; a demand not ranked since its last change is
     * ranked once to learn its standing (and then kept, once complete).
     */
    private Map<String, Standing> standingsOf(List<DemandDocument> demands) {
        Map<String, Standing> known = new HashMap<>(standings.find(demands));
        List<DemandDocument> missing = demands.stream().filter(d -> !known.containsKey(d.id())).toList();
        // Candidates come back without their vectors; the demand's own search needs its vector.
        List<String> withoutVector = missing.stream().filter(d -> d.embedding() == null).map(DemandDocument::id).toList();
        Map<String, DemandDocument> stored = withoutVector.isEmpty() ? Map.of()
                : documents.demands(demandsIndex, withoutVector);
        for (DemandDocument demand : missing) {
            known.put(demand.id(), candidates(stored.getOrDefault(demand.id(), demand), false).standing());
        }
        return known;
    }

    /**
     * A demand's standing with a candidate found from the achievement's side counted: a newer
     * achievement stronger than the demand's best raises the bar for the pairs after it.
     */
    private Standing counted(DemandDocument demand, Standing standing, Evidence candidate) {
        Standing updated = standing.with(candidate);
        if (updated != standing) {
            standings.save(demand, updated);
        }
        return updated;
    }

    private static Set<String> termsFor(Map<String, Double> demandTerms, List<AchievementDocument> achievements) {
        Set<String> all = new LinkedHashSet<>(demandTerms.keySet());
        achievements.forEach(a -> all.addAll(headline(a)));
        return all;
    }

    /** The score from which a pair is strong. */
    public double proposalThreshold() {
        return config.proposalThreshold();
    }

    /** What the texts of a pair share, before the model weighs it. */
    record Evidence(DemandDocument demand, AchievementDocument achievement, double cosine, double lexical,
            double demandCoverage, List<Map.Entry<String, Double>> shared, boolean demandHasContent) {

        /** The text evidence in one number, to compare a demand's candidates with each other. */
        double strength() {
            return STRENGTH_SEMANTIC * cosine + STRENGTH_LEXICAL * lexical;
        }
    }

    private static double cosine(float[] a, float[] b) {
        return a != null && b != null ? EmbeddingService.cosine(a, b) : 0;
    }

    Evidence evidence(DemandDocument demand, Map<String, Double> demandTerms, AchievementDocument achievement,
            double similarity, TermStatistics statistics) {
        double cosine = Math.max(0, similarity);
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
        for (String term : headline(achievement)) {
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

    /** A pair as the model judged it, before it is explained. */
    record Assessment(Evidence evidence, Standing standing, double achievementNearest, double[] values,
            List<FitFactors.Value> fit, double[] scale, FactorWeightSource.Weighting weighting, double relativeSimilarity,
            double overNeighbours, double margin, double similarityLogit, double standingLogit, double score) {

        String demandId() {
            return evidence.demand().id();
        }

        String achievementId() {
            return evidence.achievement().id();
        }
    }

    /**
     * The approval model over the pair's factors and its standing among the demand's candidates;
     * the field's weights scale the coefficients and the field's recalibration (from broker
     * decisions) shifts the log-odds. The similarity counts by how far it rises above what each
     * side usually reaches: the mean of the demand's candidates, and the nearest records of both
     * sides; the semantic weight a field learns scales all of it.
     */
    Assessment assess(Evidence e, Standing standing, double achievementNearest, Instant now) {
        DemandDocument demand = e.demand();
        String field = TechnicalField.topLevel(demand.fieldCode());
        FactorWeightSource.Weighting weighting = weights.forField(field);
        double[] scale = scale(weighting.weights());
        List<FitFactors.Value> fit = fitValues(demand, e.achievement(), now);
        double[] values = new double[FactorWeights.FACTORS.size()];
        values[0] = e.cosine();
        values[1] = e.lexical();
        for (int i = 0; i < fit.size(); i++) {
            values[i + 2] = fit.get(i).value();
        }
        // A demand without a single content word states nothing a candidate could stand out on.
        double relativeSimilarity = e.demandHasContent() ? e.cosine() - standing.meanCosine() : 0;
        double overNeighbours = e.demandHasContent()
                ? 2 * e.cosine() - standing.nearestCosine() - achievementNearest : 0;
        double margin = e.demandHasContent() ? standing.margin(e) : 0;
        double similarityLogit = scale[0] * (config.model().relativeSimilarity() * relativeSimilarity
                + config.model().similarityOverNeighbours() * overNeighbours);
        double standingLogit = config.model().margin() * margin;
        double z = weighting.recalibration().apply(model.logit(values, scale) + similarityLogit + standingLogit);
        return new Assessment(e, standing, achievementNearest, values, fit, scale, weighting, relativeSimilarity,
                overNeighbours, margin, similarityLogit, standingLogit, ApprovalModel.sigmoid(z));
    }

    /**
     * The pair with its explanation: each factor's contribution is its share of the score in
     * proportion to its weighted value, so the contributions add up to the score. Only the pairs
     * shown are explained: the words and highlights are the costly part.
     */
    ScoredPair explain(Assessment a, Map<String, String> surfaces) {
        Evidence e = a.evidence();
        double[] values = a.values();
        double[] scale = a.scale();
        double score = a.score();
        List<String> matched = shownTerms(e.shared(), surfaces);
        double[] evidence = new double[values.length + 1];
        double totalEvidence = 0;
        for (int i = 0; i < values.length; i++) {
            evidence[i] = Math.max(0, model.coefficients()[i] * scale[i] * values[i] + (i == 0 ? a.similarityLogit() : 0));
            totalEvidence += evidence[i];
        }
        evidence[values.length] = Math.max(0, a.standingLogit());
        totalEvidence += evidence[values.length];
        List<Factor> factors = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String name = FactorWeights.FACTORS.get(i);
            Reason reason = switch (i) {
                case 0 -> Reason.of("TEXT_SIMILARITY_NEIGHBOURS", "similarity", round(e.cosine()),
                        "demandNeighbours", round(a.standing().nearestCosine()),
                        "achievementNeighbours", round(a.achievementNearest()));
                case 1 -> matched.isEmpty() ? Reason.of("NO_TERMS_SHARED")
                        : Reason.of("TERMS_SHARED", "terms", matched.subList(0, Math.min(6, matched.size())),
                                "coverage", round(e.demandCoverage()));
                default -> a.fit().get(i - 2).reason();
            };
            double contribution = totalEvidence == 0 ? 0 : score * evidence[i] / totalEvidence;
            factors.add(new Factor(name, round(values[i]), round(coefficient(i) * scale[i]), round(contribution), reason));
        }
        boolean best = e.achievement().id().equals(a.standing().bestAchievementId());
        factors.add(new Factor(Factor.STANDING, round(ApprovalModel.sigmoid(a.margin())), round(config.model().margin()),
                round(totalEvidence == 0 ? 0 : score * evidence[values.length] / totalEvidence),
                Reason.of(best ? "BEST_CANDIDATE" : "BEHIND_BEST", "margin", round(a.margin()))));
        Set<String> matchedTermsRaw = new LinkedHashSet<>();
        e.shared().forEach(t -> matchedTermsRaw.add(t.getKey()));
        FactorWeightSource.Weighting weighting = a.weighting();
        String field = TechnicalField.topLevel(e.demand().fieldCode());
        return new ScoredPair(e.demand(), e.achievement(), score,
                new Explanation(matched, Highlighter.highlights(e.achievement(), matchedTermsRaw), round(e.cosine()), factors,
                        new Explanation.WeightsUsed(field, weighting.learned(), !weighting.recalibration().isIdentity())),
                new ScoredPair.Inputs(e.cosine(), a.relativeSimilarity(), a.overNeighbours(), e.lexical(), values[2],
                        a.margin(), model.priors(values, scale)));
    }

    /**
     * The log-odds a factor adds per unit of its value; the similarity's counts its standing
     * terms too (each rises with it, the one over both neighbourhoods twice).
     */
    private double coefficient(int factor) {
        double own = model.coefficients()[factor];
        return factor == 0
                ? own + config.model().relativeSimilarity() + 2 * config.model().similarityOverNeighbours()
                : own;
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
        headline(demand).forEach(t -> terms.put(t, HEADLINE_WEIGHT));
        List<String> all = demand.terms() != null ? demand.terms()
                : ContentTerms.of(demand.title(), demand.keywords() == null ? null : String.join(" ", demand.keywords()),
                        demand.problem(), demand.indicators());
        for (String term : all) {
            terms.putIfAbsent(term, 1.0);
        }
        return terms;
    }

    /** The content words of a record's title and keywords, as indexed (or found again for a record indexed before they were kept). */
    private static List<String> headline(AchievementDocument achievement) {
        return achievement.headlineTerms() != null ? achievement.headlineTerms()
                : headline(achievement.title(), achievement.keywords());
    }

    private static List<String> headline(DemandDocument demand) {
        return demand.headlineTerms() != null ? demand.headlineTerms() : headline(demand.title(), demand.keywords());
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

    private TermStatistics statistics(Collection<String> terms) {
        return TermStatistics.of(client, achievementsIndex, terms);
    }

    /** A retrieved candidate and its similarity to the query's embedding. */
    record Candidate<T>(T document, double cosine) {
    }

    /** The candidates of a query, and its nearest records found by kNN. */
    record Retrieval<T>(List<Candidate<T>> candidates, List<Neighbour> nearest) {
    }

    /**
     * The fused candidates of a query as its one request found them: their documents, and the
     * similarities of those the kNN retriever found.
     */
    private record Shortlist<T>(List<String> kept, Map<String, T> found, Map<String, Double> similarity,
            List<Neighbour> nearest) {

        List<T> documents() {
            return kept.stream().map(found::get).toList();
        }
    }

    /**
     * Both retrievers in one request (an {@code _msearch}): the content words (BM25 over the
     * {@code terms} field) and kNN over the embeddings, fused by reciprocal rank; the best
     * {@code fused-candidates} are kept. A kNN hit's score is its exact similarity (the index
     * rescores its quantized candidates with the stored vectors). No vector is sent back: reading
     * 512 floats per hit was most of a ranking's cost.
     */
    private <T> Shortlist<T> shortlist(String index, Map<String, Double> terms, List<Float> queryVector, Query filter,
            Class<T> type) {
        int n = config.candidatesPerRetriever();
        List<RequestItem> searches = new ArrayList<>();
        if (!terms.isEmpty()) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b.size(n)
                    .query(termsQuery(terms, filter)).source(WITHOUT_VECTOR))));
        }
        if (queryVector != null) {
            searches.add(RequestItem.of(r -> r.header(h -> h.index(index)).body(b -> b.size(n)
                    .knn(k -> k.field("embedding").queryVector(queryVector).k(n).numCandidates(Math.max(100, 2 * n))
                            .filter(filter))
                    .source(WITHOUT_VECTOR))));
        }
        if (searches.isEmpty()) {
            return new Shortlist<>(List.of(), Map.of(), Map.of(), List.of());
        }
        List<MultiSearchResponseItem<T>> responses = msearch(index, searches, type);
        Map<String, T> documents = new HashMap<>();
        Map<String, Double> similarity = new HashMap<>();
        Map<String, Double> fused = new HashMap<>();
        List<Neighbour> nearest = new ArrayList<>();
        int k = config.rrfK();
        for (int r = 0; r < responses.size(); r++) {
            boolean semantic = queryVector != null && r == responses.size() - 1;
            List<Hit<T>> hits = responses.get(r).result().hits().hits();
            for (int i = 0; i < hits.size(); i++) {
                Hit<T> hit = hits.get(i);
                if (hit.source() == null) {
                    continue;
                }
                documents.putIfAbsent(hit.id(), hit.source());
                if (semantic && hit.score() != null) {
                    similarity.put(hit.id(), cosineOfScore(hit.score()));
                    nearest.add(new Neighbour(hit.id(), cosineOfScore(hit.score())));
                }
                fused.merge(hit.id(), 1.0 / (k + i + 1), Double::sum);
            }
        }
        List<String> kept = fused.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(config.fusedCandidates())
                .map(Map.Entry::getKey)
                .toList();
        return new Shortlist<>(kept, documents, similarity, nearest);
    }

    /** The shortlist with every candidate's similarity: those found by their words alone get theirs from one exact kNN search over just them. */
    private <T> Retrieval<T> scored(String index, Shortlist<T> shortlist, List<Float> queryVector) {
        Map<String, Double> similarity = new HashMap<>(shortlist.similarity());
        List<String> unscored = shortlist.kept().stream().filter(id -> !similarity.containsKey(id)).toList();
        if (queryVector != null && !unscored.isEmpty()) {
            similarity.putAll(exactSimilarities(index, queryVector, unscored));
        }
        return new Retrieval<>(shortlist.kept().stream()
                .map(id -> new Candidate<>(shortlist.found().get(id), similarity.getOrDefault(id, 0.0))).toList(),
                shortlist.nearest());
    }

    private static List<Float> vectorOf(float[] embedding) {
        return embedding == null ? null : floats(embedding);
    }

    private <T> List<MultiSearchResponseItem<T>> msearch(String index, List<RequestItem> searches, Class<T> type) {
        try {
            List<MultiSearchResponseItem<T>> responses = client.msearch(m -> m.searches(searches), type).responses();
            for (MultiSearchResponseItem<T> item : responses) {
                if (item.isFailure()) {
                    throw SearchUnavailableException.readingItem("search in " + index, item.failure().status(),
                            item.failure().error().reason());
                }
            }
            return responses;
        } catch (IOException | ElasticsearchException e) {
            throw SearchUnavailableException.reading("search in " + index, e);
        }
    }

    /** The similarities of given records to the query vector: a kNN search over just them is exact. */
    private Map<String, Double> exactSimilarities(String index, List<Float> queryVector, List<String> ids) {
        try {
            SearchResponse<Void> response = client.search(s -> s.index(index).size(ids.size()).source(src -> src.fetch(false))
                    .knn(k -> k.field("embedding").queryVector(queryVector).k(ids.size()).numCandidates(ids.size())
                            .filter(f -> f.ids(i -> i.values(ids)))), Void.class);
            Map<String, Double> similarity = new HashMap<>();
            for (Hit<Void> hit : response.hits().hits()) {
                if (hit.score() != null) {
                    similarity.put(hit.id(), cosineOfScore(hit.score()));
                }
            }
            return similarity;
        } catch (IOException | ElasticsearchException e) {
            throw SearchUnavailableException.reading("search in " + index, e);
        }
    }

    /** Elasticsearch scores cosine similarity as (1 + cos) / 2. */
    static double cosineOfScore(double score) {
        return 2 * score - 1;
    }

    static List<Float> floats(float[] vector) {
        List<Float> list = new ArrayList<>(vector.length);
        for (float v : vector) {
            list.add(v);
        }
        return list;
    }

    private static Query termsQuery(Map<String, Double> terms, Query filter) {
        List<Query> should = new ArrayList<>();
        terms.forEach((term, weight) -> should.add(Query.of(q -> q.term(t -> t.field("terms").value(term)
                .boost(weight.floatValue())))));
        return Query.of(q -> q.bool(b -> b.should(should).minimumShouldMatch("1").filter(filter)));
    }

    private static List<Assessment> rank(List<Assessment> pairs, int limit, double minScore) {
        return pairs.stream()
                .filter(a -> a.score() >= minScore)
                .sorted(Comparator.comparingDouble(Assessment::score).reversed()
                        .thenComparing(Assessment::demandId).thenComparing(Assessment::achievementId))
                .limit(limit)
                .toList();
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
