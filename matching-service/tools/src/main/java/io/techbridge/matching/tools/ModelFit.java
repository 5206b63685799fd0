package io.techbridge.matching.tools;

import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.ApprovalModel;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.tools.RelevanceEvaluation.Judged;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Refits the approval model on labelled sets: every candidate the matcher scores for a demand is a
 * row, approved when the set grades it ≥ 1. Fitted: the intercept and the coefficients of
 * similarity, similarity relative to the demand's candidates, lexical overlap, field fit, the
 * margin to the demand's best other candidate and the similarity over both sides' nearest neighbours; the structured priors stay fixed (an offset).
 * Prints the lines for application.properties and a 5-fold cross-validation by demand (a demand is
 * in the same fold in every set), so the calibration shown is that of a model that never saw the
 * demand.
 */
final class ModelFit {

    /** A weak pull towards zero keeps the fit stable on small sets. */
    private static final double PENALTY = 0.5;
    private static final int FOLDS = 5;
    private static final double[] THRESHOLDS = {0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6};

    private ModelFit() {
    }

    record Row(String demandId, String achievementId, double[] features, double offset, boolean relevant) {
    }

    static List<Row> rows(List<Judged> judged, Matcher matcher, MatchingConfig config) {
        List<Row> rows = new ArrayList<>();
        for (Judged j : judged) {
            for (ScoredPair pair : matcher.forDemand(j.demand(), config.fusedCandidates())) {
                ScoredPair.Inputs in = pair.inputs();
                rows.add(new Row(j.demand().id(), pair.achievementId(),
                        new double[]{in.cosine(), in.relativeSimilarity(), in.lexical(), in.field(), in.margin(),
                                in.overNeighbours()},
                        in.priors(), j.relevant().getOrDefault(pair.achievementId(), 0) >= 1));
            }
        }
        return rows;
    }

    static void report(Map<String, List<Row>> rowsBySet, Map<String, List<Judged>> judgedBySet, MatchingConfig config) {
        List<Row> all = rowsBySet.values().stream().flatMap(List::stream).toList();
        double[] beta = fit(all);
        System.out.printf(Locale.ROOT, "%nApproval model fitted on %d candidate pairs of %s (%d judged relevant):%n",
                all.size(), rowsBySet.keySet(), all.stream().filter(Row::relevant).count());
        System.out.printf(Locale.ROOT, """
                techbridge.matching.model.intercept=%.3f
                techbridge.matching.model.semantic=%.3f
                techbridge.matching.model.relative-similarity=%.3f
                techbridge.matching.model.lexical=%.3f
                techbridge.matching.model.field=%.3f
                techbridge.matching.model.margin=%.3f
                techbridge.matching.model.similarity-over-neighbours=%.3f
                """, beta[0], beta[1], beta[2], beta[3], beta[4], beta[5], beta[6]);

        List<String> demandIds = all.stream().map(Row::demandId).distinct().sorted().toList();
        Map<String, Integer> fold = new HashMap<>();
        for (int i = 0; i < demandIds.size(); i++) {
            fold.put(demandIds.get(i), i % FOLDS);
        }
        double[][] betas = new double[FOLDS][];
        for (int f = 0; f < FOLDS; f++) {
            int held = f;
            betas[f] = fit(all.stream().filter(r -> fold.get(r.demandId()) != held).toList());
        }
        for (Map.Entry<String, List<Row>> set : rowsBySet.entrySet()) {
            List<Judged> judged = judgedBySet.get(set.getKey());
            Map<String, List<ScoredPair>> ranked = new HashMap<>();
            for (Judged j : judged) {
                List<ScoredPair> pairs = new ArrayList<>();
                for (Row r : set.getValue()) {
                    if (r.demandId().equals(j.demand().id())) {
                        pairs.add(scored(j, r.achievementId(), probability(betas[fold.get(r.demandId())], r)));
                    }
                }
                pairs.sort((a, b) -> Double.compare(b.score(), a.score()));
                ranked.put(j.demand().id(), pairs);
            }
            System.out.printf("%nCross-validated calibration on %s (5 folds by demand), by threshold:%n", set.getKey());
            System.out.println("| threshold | proposal precision | answered | silent | proposals per no-answer demand |");
            System.out.println("|---|---|---|---|---|");
            for (double threshold : THRESHOLDS) {
                RelevanceEvaluation.Calibration c = RelevanceEvaluation.calibration(judged, ranked, threshold,
                        config.maxProposalsPerRecord());
                System.out.printf(Locale.ROOT, "| %.2f | %.3f | %.3f | %.3f | %.2f |%n", threshold, c.proposalPrecision(),
                        c.answered(), c.silent(), c.proposalsPerNoAnswer());
            }
            reliability(set.getValue(), betas, fold);
        }
    }

    /** Whether a score means what it says: predicted against observed approval, by score band. */
    private static void reliability(List<Row> rows, double[][] betas, Map<String, Integer> fold) {
        double[] edges = {0, 0.1, 0.3, 0.5, 0.7, 0.9, 1.0001};
        System.out.println("\n| score band | pairs | mean score | share relevant |");
        System.out.println("|---|---|---|---|");
        for (int b = 0; b < edges.length - 1; b++) {
            double sum = 0;
            int n = 0;
            int relevant = 0;
            for (Row r : rows) {
                double p = probability(betas[fold.get(r.demandId())], r);
                if (p >= edges[b] && p < edges[b + 1]) {
                    sum += p;
                    n++;
                    relevant += r.relevant() ? 1 : 0;
                }
            }
            System.out.printf(Locale.ROOT, "| %.1f–%.1f | %d | %.2f | %.2f |%n", edges[b], Math.min(1, edges[b + 1]), n,
                    n == 0 ? 0 : sum / n, n == 0 ? 0 : (double) relevant / n);
        }
    }

    private static double probability(double[] beta, Row r) {
        double z = beta[0] + r.offset();
        for (int i = 0; i < r.features().length; i++) {
            z += beta[i + 1] * r.features()[i];
        }
        return ApprovalModel.sigmoid(z);
    }

    private static ScoredPair scored(Judged j, String achievementId, double p) {
        AchievementDocument a = new AchievementDocument(achievementId, 1, null, null, null, null, null, List.of(), null,
                null, null, null, null, List.of(), null, null, false, null, true, null, null, List.of(), List.of(), null, null);
        return new ScoredPair(j.demand(), a, p, null, null);
    }

    private static double[] fit(List<Row> rows) {
        List<double[]> x = new ArrayList<>();
        List<Boolean> y = new ArrayList<>();
        List<Double> offsets = new ArrayList<>();
        for (Row r : rows) {
            x.add(r.features());
            y.add(r.relevant());
            offsets.add(r.offset());
        }
        return ApprovalModel.fit(x, y, offsets, new double[7], PENALTY);
    }
}
