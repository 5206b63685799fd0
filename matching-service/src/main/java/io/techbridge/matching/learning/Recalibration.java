package io.techbridge.matching.learning;

import io.techbridge.matching.matching.ApprovalModel;

import java.util.ArrayList;
import java.util.List;

/**
 * Refits a field's approval estimate on its broker decisions (Platt scaling): the log-odds z of
 * each decided pair's score becomes {@code shift + slope × z}, fitted to the approvals and
 * rejections with a pull towards the identity, so a few decisions move it a little and many move it
 * as far as they show. A field needs {@code minDecisions} decisions, some of each kind, first.
 */
public final class Recalibration {

    /** One broker decision on a proposal: the pair's score when decided, and whether it was approved. */
    public record Decision(double score, boolean approved) {
    }

    /**
     * A field's recalibration and what it does at the operating threshold: the share of decided
     * pairs at or above the threshold that brokers approved, with the model as it was and as refitted.
     */
    public record Result(ApprovalModel.Recalibration recalibration, int decisions, Double precisionBefore,
            int proposalsBefore, Double precisionAfter, int proposalsAfter) {
    }

    /** How strongly the fit is pulled towards no change; about as much as a handful of decisions. */
    private static final double PULL = 2;

    private Recalibration() {
    }

    public static Result fit(List<Decision> decisions, double threshold, int minDecisions) {
        long approved = decisions.stream().filter(Decision::approved).count();
        long rejected = decisions.size() - approved;
        ApprovalModel.Recalibration recalibration = ApprovalModel.Recalibration.IDENTITY;
        if (decisions.size() >= minDecisions && approved >= 3 && rejected >= 3) {
            List<double[]> rows = new ArrayList<>();
            List<Boolean> labels = new ArrayList<>();
            List<Double> offsets = new ArrayList<>();
            for (Decision d : decisions) {
                rows.add(new double[]{logit(d.score())});
                labels.add(d.approved());
                offsets.add(0.0);
            }
            double[] beta = ApprovalModel.fit(rows, labels, offsets, new double[]{0, 1}, PULL);
            recalibration = new ApprovalModel.Recalibration(round(beta[0]), round(beta[1]));
        }
        int before = 0;
        int beforeApproved = 0;
        int after = 0;
        int afterApproved = 0;
        for (Decision d : decisions) {
            if (d.score() >= threshold) {
                before++;
                beforeApproved += d.approved() ? 1 : 0;
            }
            if (ApprovalModel.sigmoid(recalibration.apply(logit(d.score()))) >= threshold) {
                after++;
                afterApproved += d.approved() ? 1 : 0;
            }
        }
        return new Result(recalibration, decisions.size(), before == 0 ? null : round((double) beforeApproved / before),
                before, after == 0 ? null : round((double) afterApproved / after), after);
    }

    static double logit(double p) {
        double q = Math.min(Math.max(p, 1e-6), 1 - 1e-6);
        return Math.log(q / (1 - q));
    }

    private static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
