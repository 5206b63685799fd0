package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.learning.LearningRule;
import io.techbridge.matching.matching.Factor;
import io.techbridge.matching.matching.FactorWeightSource;
import io.techbridge.matching.matching.FactorWeights;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.tools.RelevanceEvaluation.Judged;
import io.techbridge.matching.tools.RelevanceEvaluation.Metrics;
import io.techbridge.matching.domain.ReasonCode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The relevance evaluation before and after learning from broker decisions. The labelled set's
 * demands are split per field, alternately by id, into a train half and a held-out half. Each train
 * demand's top 10 (ranked with the weights learned so far) is decided as a broker would: a judged
 * relevant achievement approved, any other rejected with the reason code of its weakest stated
 * factor (too immature, price, region, field, or an unclear benefit when the text matches least).
 * The decisions move the weights with the production rule ({@link LearningRule}); recall@10,
 * nDCG@10 and MRR are then measured on the held-out demands with the defaults and with the
 * learned weights. {@code --tune} first repeats this inside the train half (its own halves) over a
 * small grid of rates and bounds, so the rule is tuned without looking at the held-out demands.
 *
 * <p>Usage: {@code matching-service/evaluate [set-folder] --learning [--tune] [--es host:port]}
 */
final class LearningEvaluation {

    private static final int K = 10;

    private final MatchingConfig config;
    private final Matcher defaultMatcher;
    private final ElasticsearchClient client;
    private final String achievementsIndex;
    private final String demandsIndex;

    private LearningEvaluation(ElasticsearchClient client, MatchingConfig config, String achievementsIndex,
            String demandsIndex) {
        this.client = client;
        this.config = config;
        this.achievementsIndex = achievementsIndex;
        this.demandsIndex = demandsIndex;
        this.defaultMatcher = new Matcher(client, config, achievementsIndex, demandsIndex);
    }

    /** What a run of decisions did: the weights per field and how many decisions of each kind. */
    record Learned(Map<String, FactorWeights> weights, int approved, Map<ReasonCode, Integer> rejected) {
    }

    /** A rule setting tried on the train half. */
    record Setting(double rate, double approvalRate, double maxRatio) {
    }

    public static void main(String[] args) throws Exception {
        Path set = Path.of(args.length > 0 && !args[0].startsWith("--") ? args[0] : "../shared/eval/dev");
        String es = RelevanceEvaluation.option(args, "--es", "127.0.0.1:9200");
        boolean tune = java.util.Arrays.asList(args).contains("--tune");
        ElasticsearchClient client = ToolSupport.elasticsearch(es);
        try {
            run(client, set, ToolSupport.matchingConfig(), tune);
        } finally {
            client._transport().close();
        }
        System.exit(0);
    }

    private static void run(ElasticsearchClient client, Path set, MatchingConfig config, boolean tune)
            throws IOException {
        long started = System.nanoTime();
        RelevanceEvaluation reader = new RelevanceEvaluation(client);
        EmbeddingService embeddings = new EmbeddingService();
        RelevanceEvaluation.Prepared prepared = reader.prepare(set, embeddings);
        String achievementsIndex = prepared.achievementsIndex();
        String demandsIndex = prepared.demandsIndex();
        try {
            List<Judged> judged = prepared.judged();
            LearningEvaluation evaluation = new LearningEvaluation(client, config, achievementsIndex, demandsIndex);
            List<List<Judged>> halves = split(judged);
            List<Judged> train = halves.get(0);
            List<Judged> heldOut = halves.get(1);

            Setting configured = new Setting(config.learning().rate(), config.learning().approvalRate(),
                    config.learning().maxRatio());
            if (tune) {
                evaluation.tune(train, configured);
            }
            Learned learned = evaluation.learn(train, configured);
            Metrics before = RelevanceEvaluation.evaluate(heldOut, j -> evaluation.defaultMatcher.forDemand(j.demand(), K)
                    .stream().map(ScoredPair::achievementId).toList());
            Matcher learnedMatcher = evaluation.matcher(learned.weights());
            Metrics after = RelevanceEvaluation.evaluate(heldOut, j -> learnedMatcher.forDemand(j.demand(), K)
                    .stream().map(ScoredPair::achievementId).toList());

            System.out.printf(Locale.ROOT, "%nLearning on %s: %d demands split per field into train %d and held-out %d "
                    + "(%d held-out with judgements); rate %.2f, approval rate %.2f, bounds %.2f–%.2f × default%n",
                    set, judged.size(), train.size(), heldOut.size(), before.queries(), configured.rate(),
                    configured.approvalRate(), config.learning().minRatio(), configured.maxRatio());
            System.out.printf("Simulated decisions on the train demands' top %d: %d approved, %d rejected %s%n%n",
                    K, learned.approved(), learned.rejected().values().stream().mapToInt(Integer::intValue).sum(),
                    learned.rejected());
            System.out.println("| held-out demands | recall@10 | nDCG@10 | MRR |");
            System.out.println("|---|---|---|---|");
            RelevanceEvaluation.print("before learning (default weights)", before);
            RelevanceEvaluation.print("after learning (weights learned from the train decisions)", after);
            printWeights(FactorWeights.defaults(config), learned.weights());
            System.out.printf("%n(%.1f s)%n", (System.nanoTime() - started) / 1e9);
        } finally {
            reader.drop(prepared);
        }
    }

    /** Per field, sorted by id, alternately into the first (train) and second (held-out) list. */
    static List<List<Judged>> split(List<Judged> judged) {
        Map<String, List<Judged>> byField = new TreeMap<>();
        for (Judged j : judged) {
            byField.computeIfAbsent(String.valueOf(TechnicalField.topLevel(j.demand().fieldCode())), f -> new ArrayList<>())
                    .add(j);
        }
        List<Judged> first = new ArrayList<>();
        List<Judged> second = new ArrayList<>();
        for (List<Judged> field : byField.values()) {
            field.sort(java.util.Comparator.comparing(j -> j.demand().id()));
            for (int i = 0; i < field.size(); i++) {
                (i % 2 == 0 ? first : second).add(field.get(i));
            }
        }
        return List.of(first, second);
    }

    /** The grid on the train half only: learn on its first half, measure on its second. */
    private void tune(List<Judged> train, Setting configured) throws IOException {
        List<List<Judged>> inner = split(train);
        Metrics base = RelevanceEvaluation.evaluate(inner.get(1), j -> defaultMatcher.forDemand(j.demand(), K).stream()
                .map(ScoredPair::achievementId).toList());
        System.out.printf(Locale.ROOT, "%nTuning inside the train half: learn on %d demands, measure on %d%n%n",
                inner.get(0).size(), inner.get(1).size());
        System.out.println("| rate | approval rate | max ratio | recall@10 | nDCG@10 | MRR |");
        System.out.println("|---|---|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| – | – | – | %.3f | %.3f | %.3f | (defaults)%n", base.recall(), base.ndcg(), base.mrr());
        List<Setting> grid = new ArrayList<>();
        for (double rate : new double[]{0.1, 0.2, 0.4}) {
            for (double approvalRate : new double[]{0.0, 0.05}) {
                for (double maxRatio : new double[]{2, 3, 5}) {
                    grid.add(new Setting(rate, approvalRate, maxRatio));
                }
            }
        }
        for (Setting setting : grid) {
            Learned learned = learn(inner.get(0), setting);
            Matcher matcher = matcher(learned.weights());
            Metrics m = RelevanceEvaluation.evaluate(inner.get(1), j -> matcher.forDemand(j.demand(), K).stream()
                    .map(ScoredPair::achievementId).toList());
            System.out.printf(Locale.ROOT, "| %.2f | %.2f | %.0f | %.3f | %.3f | %.3f |%s%n", setting.rate(),
                    setting.approvalRate(), setting.maxRatio(), m.recall(), m.ndcg(), m.mrr(),
                    setting.equals(configured) ? " (configured)" : "");
        }
    }

    /** Decides every train demand's top 10 as a broker would, in order, moving the weights after each decision. */
    Learned learn(List<Judged> train, Setting setting) {
        MatchingConfig.Learning learning = withSetting(config.learning(), setting);
        LearningRule rule = new LearningRule(FactorWeights.defaults(config), learning);
        Map<String, FactorWeights> weights = new HashMap<>();
        Matcher matcher = matcher(weights);
        int approved = 0;
        Map<ReasonCode, Integer> rejected = new EnumMap<>(ReasonCode.class);
        for (Judged j : train) {
            String field = TechnicalField.topLevel(j.demand().fieldCode());
            if (field == null) {
                continue;
            }
            List<ScoredPair> top = matcher.forDemand(j.demand(), K);
            for (ScoredPair pair : top) {
                FactorWeights current = weights.getOrDefault(field, rule.defaults());
                LearningRule.Outcome outcome;
                if (j.relevant().getOrDefault(pair.achievementId(), 0) > 0) {
                    List<Map<String, Double>> others = top.stream().filter(p -> p != pair).map(LearningEvaluation::values)
                            .toList();
                    outcome = rule.approve(current, values(pair), others);
                    approved++;
                } else {
                    ReasonCode reason = weakest(pair);
                    outcome = rule.reject(current, reason);
                    rejected.merge(reason, 1, Integer::sum);
                }
                if (outcome.moved()) {
                    weights.put(field, outcome.weights());
                }
            }
        }
        return new Learned(weights, approved, rejected);
    }

    /**
     * The reason a broker would give for an irrelevant pair: its weakest factor among those both
     * sides state (a demand that asks no minimum maturity can't be rejected as too early); the
     * text relevance (semantic and lexical as weighted) stands for an unclear benefit.
     */
    static ReasonCode weakest(ScoredPair pair) {
        DemandDocument d = pair.demand();
        AchievementDocument a = pair.achievement();
        Map<String, Double> v = values(pair);
        Map<ReasonCode, Double> stated = new LinkedHashMap<>();
        if (d.fieldCode() != null && a.fieldCode() != null) {
            stated.put(ReasonCode.FIELD_MISMATCH, v.get(Factor.FIELD));
        }
        if (d.minTrl() != null && a.trl() != null) {
            stated.put(ReasonCode.TOO_EARLY, v.get(Factor.MATURITY));
        }
        boolean budget = d.budgetMaxCny() != null || d.budgetMinCny() != null;
        boolean price = a.priceMinCny() != null || a.priceMaxCny() != null;
        if (budget && price) {
            stated.put(ReasonCode.PRICE_MISMATCH, v.get(Factor.BUDGET));
        }
        if (d.regionCode() != null && a.regionCode() != null) {
            stated.put(ReasonCode.REGION, v.get(Factor.REGION));
        }
        stated.put(ReasonCode.BENEFIT_UNCLEAR, relevance(pair));
        return stated.entrySet().stream().min(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    /** The text relevance of a pair as scored: its text contributions over the text weights. */
    private static double relevance(ScoredPair pair) {
        double contribution = 0;
        double weight = 0;
        for (Factor f : pair.explanation().factors()) {
            if (f.name().equals(Factor.SEMANTIC) || f.name().equals(Factor.LEXICAL)) {
                contribution += f.contribution();
                weight += f.weight();
            }
        }
        return weight == 0 ? 0 : contribution / weight;
    }

    private static Map<String, Double> values(ScoredPair pair) {
        Map<String, Double> values = new HashMap<>();
        pair.explanation().factors().forEach(f -> values.put(f.name(), f.value()));
        return values;
    }

    private Matcher matcher(Map<String, FactorWeights> learned) {
        FactorWeightSource.Weighting defaults = new FactorWeightSource.Weighting(FactorWeights.defaults(config), false);
        return new Matcher(client, config, achievementsIndex, demandsIndex, field -> {
            FactorWeights w = field == null ? null : learned.get(field);
            return w == null ? defaults : new FactorWeightSource.Weighting(w, true);
        });
    }

    private static MatchingConfig.Learning withSetting(MatchingConfig.Learning base, Setting setting) {
        return new MatchingConfig.Learning() {
            public boolean enabled() { return true; }
            public double rate() { return setting.rate(); }
            public double approvalRate() { return setting.approvalRate(); }
            public double approvalMargin() { return base.approvalMargin(); }
            public double minRatio() { return base.minRatio(); }
            public double maxRatio() { return setting.maxRatio(); }
            public int requeueDemands() { return base.requeueDemands(); }
            public int historyShown() { return base.historyShown(); }
            public int minCalibrationDecisions() { return base.minCalibrationDecisions(); }
            public java.time.Duration cacheTtl() { return base.cacheTtl(); }
        };
    }

    private static void printWeights(FactorWeights defaults, Map<String, FactorWeights> learned) {
        System.out.printf("%nWeights learned per field (default → learned, factors that moved by more than 0.001)%n%n");
        Map<String, FactorWeights> sorted = new TreeMap<>(learned);
        double[] d = defaults.toArray();
        sorted.forEach((field, weights) -> {
            double[] w = weights.toArray();
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < w.length; i++) {
                if (Math.abs(w[i] - d[i]) > 0.001) {
                    line.append(String.format(Locale.ROOT, " %s %.3f → %.3f;", FactorWeights.FACTORS.get(i), d[i], w[i]));
                }
            }
            System.out.printf("- %s %s:%s%n", field, TechnicalField.byCode(field).map(TechnicalField::nameZh).orElse(""),
                    line);
        });
    }
}
