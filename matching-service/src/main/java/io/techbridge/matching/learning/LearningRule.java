package io.techbridge.matching.learning;

import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.Factor;
import io.techbridge.matching.matching.FactorWeights;
import io.techbridge.matching.domain.ReasonCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How one broker decision moves a field's factor weights. A rejection raises the factor its reason
 * names (TOO_EARLY maturity, PRICE_MISMATCH budget, REGION region, FIELD_MISMATCH field fit,
 * BENEFIT_UNCLEAR the text relevance, semantic and lexical together); DUPLICATE and OTHER say nothing
 * about the factors. An approval raises, by a smaller step, the factors on which the approved pair
 * stood out against the demand's other pairs (a factor every candidate shares, such as an unstated
 * region, teaches nothing). The raised weights are multiplied by (1 + rate), then all weights are
 * scaled back to a sum of 1 with each kept within [minRatio, maxRatio] × its default: no factor
 * can vanish or take over, and the score stays in [0, 1]. Pure, so the evaluation runs the very same rule.
 */
public final class LearningRule {

    /** A weight that changed: from → to. */
    public record Move(String factor, double from, double to) {
    }

    /** The new weights, the factors the decision raised, and every weight that changed (the raised and the rescaled). */
    public record Outcome(FactorWeights weights, Set<String> raised, List<Move> moves) {

        public boolean moved() {
            return !moves.isEmpty();
        }
    }

    private static final double UNCHANGED = 1e-9;

    private final FactorWeights defaults;
    private final MatchingConfig.Learning config;

    public LearningRule(FactorWeights defaults, MatchingConfig.Learning config) {
        check(config);
        this.defaults = defaults;
        this.config = config;
    }

    /** Refuses settings that could let a weight vanish, take over, or move without bound. */
    static void check(MatchingConfig.Learning config) {
        require(config.rate() >= 0 && config.rate() <= 1, "rate", "must be from 0 to 1");
        require(config.approvalRate() >= 0 && config.approvalRate() <= 1, "approval-rate", "must be from 0 to 1");
        require(config.approvalMargin() >= 0 && config.approvalMargin() <= 1, "approval-margin", "must be from 0 to 1");
        require(config.minRatio() > 0 && config.minRatio() <= 1, "min-ratio", "must be above 0 and at most 1");
        require(config.maxRatio() >= 1 && config.maxRatio() <= 20, "max-ratio", "must be from 1 to 20");
        require(config.requeueDemands() >= 0, "requeue-demands", "must not be negative");
        require(config.historyShown() >= 1 && config.historyShown() <= 1000, "history-shown", "must be from 1 to 1000");
    }

    private static void require(boolean ok, String name, String rule) {
        if (!ok) {
            throw new IllegalStateException("techbridge.matching.learning." + name + " " + rule);
        }
    }

    public FactorWeights defaults() {
        return defaults;
    }

    /** The factors a rejection reason points at; none for DUPLICATE and OTHER. */
    public static Set<String> factorsOf(ReasonCode reason) {
        return switch (reason) {
            case TOO_EARLY -> Set.of(Factor.MATURITY);
            case PRICE_MISMATCH -> Set.of(Factor.BUDGET);
            case REGION -> Set.of(Factor.REGION);
            case FIELD_MISMATCH -> Set.of(Factor.FIELD);
            case BENEFIT_UNCLEAR -> Set.of(Factor.SEMANTIC, Factor.LEXICAL);
            case DUPLICATE, OTHER -> Set.of();
        };
    }

    /**
     * The factors on which an approved pair beat the mean of the demand's other pairs by at least the
     * approval margin; nothing when the demand has no other pair to compare with.
     */
    public Set<String> standingOut(Map<String, Double> approved, List<Map<String, Double>> others) {
        Set<String> result = new LinkedHashSet<>();
        if (others.isEmpty()) {
            return result;
        }
        for (String factor : FactorWeights.FACTORS) {
            Double value = approved.get(factor);
            if (value == null) {
                continue;
            }
            double mean = others.stream().mapToDouble(o -> o.getOrDefault(factor, value)).average().orElse(value);
            if (value >= mean + config.approvalMargin()) {
                result.add(factor);
            }
        }
        return result;
    }

    public Outcome reject(FactorWeights current, ReasonCode reason) {
        return raise(current, factorsOf(reason), config.rate());
    }

    public Outcome approve(FactorWeights current, Map<String, Double> approved, List<Map<String, Double>> others) {
        return raise(current, standingOut(approved, others), config.approvalRate());
    }

    /** Multiplies the given factors' weights by (1 + rate) and scales all back to a sum of 1 within the bounds. */
    public Outcome raise(FactorWeights current, Set<String> factors, double rate) {
        if (factors.isEmpty() || rate <= 0) {
            return new Outcome(current, Set.of(), List.of());
        }
        double[] from = current.toArray();
        double[] target = from.clone();
        for (int i = 0; i < target.length; i++) {
            if (factors.contains(FactorWeights.FACTORS.get(i))) {
                target[i] *= 1 + rate;
            }
        }
        double[] to = bounded(target);
        List<Move> moves = new ArrayList<>();
        for (int i = 0; i < to.length; i++) {
            if (Math.abs(to[i] - from[i]) > UNCHANGED) {
                moves.add(new Move(FactorWeights.FACTORS.get(i), from[i], to[i]));
            }
        }
        return moves.isEmpty()
                ? new Outcome(current, Set.copyOf(factors), List.of())
                : new Outcome(FactorWeights.of(to), Set.copyOf(factors), moves);
    }

    /**
     * λ × target, each clamped to [minRatio, maxRatio] × its default, with λ chosen so the sum is 1
     * (the sum grows with λ, from Σ lower bounds ≤ 1 to Σ upper bounds ≥ 1, so bisection finds it).
     */
    double[] bounded(double[] target) {
        double[] d = defaults.toArray();
        double[] lo = new double[d.length];
        double[] hi = new double[d.length];
        double top = 0;
        for (int i = 0; i < d.length; i++) {
            lo[i] = d[i] * config.minRatio();
            hi[i] = d[i] * config.maxRatio();
            if (target[i] > 0) {
                top = Math.max(top, hi[i] / target[i]);
            }
        }
        double low = 0;
        double high = Math.max(top, 1);
        for (int step = 0; step < 200; step++) {
            double mid = (low + high) / 2;
            if (sum(clamped(target, mid, lo, hi)) < 1) {
                low = mid;
            } else {
                high = mid;
            }
        }
        double[] result = clamped(target, high, lo, hi);
        double total = sum(result);
        for (int i = 0; i < result.length; i++) {
            result[i] /= total;
        }
        return result;
    }

    private static double[] clamped(double[] target, double lambda, double[] lo, double[] hi) {
        double[] result = new double[target.length];
        for (int i = 0; i < target.length; i++) {
            result[i] = Math.max(lo[i], Math.min(hi[i], lambda * target[i]));
        }
        return result;
    }

    private static double sum(double[] values) {
        double total = 0;
        for (double v : values) {
            total += v;
        }
        return total;
    }
}
