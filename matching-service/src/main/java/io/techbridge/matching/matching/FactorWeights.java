package io.techbridge.matching.matching;

import io.techbridge.matching.config.MatchingConfig;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The relative weight of every factor, summing to 1: semantic and lexical make up the text share,
 * the structured factors the rest. Broker decisions move them per field (learning); the approval
 * model scales each factor's coefficient by its learned ÷ default weight.
 */
public record FactorWeights(double semantic, double lexical, double field, double maturity, double modes,
        double budget, double region, double freshness) {

    /** Every factor in the order the explanation lists them. */
    public static final List<String> FACTORS = List.of(Factor.SEMANTIC, Factor.LEXICAL, Factor.FIELD, Factor.MATURITY,
            Factor.MODES, Factor.BUDGET, Factor.REGION, Factor.FRESHNESS);

    /**
     * The configured weights in this form: the text share is 1 − fitShare, split by the semantic and
     * lexical weights; fitShare is split by the structured weights. Scores equal those of the grouped form.
     */
    public static FactorWeights defaults(MatchingConfig config) {
        MatchingConfig.Weights w = config.weights();
        double share = config.fitShare();
        double text = w.semantic() + w.lexical();
        double fit = w.field() + w.maturity() + w.modes() + w.budget() + w.region() + w.freshness();
        return new FactorWeights(w.semantic() / text * (1 - share), w.lexical() / text * (1 - share),
                share * w.field() / fit, share * w.maturity() / fit, share * w.modes() / fit, share * w.budget() / fit,
                share * w.region() / fit, share * w.freshness() / fit);
    }

    public static FactorWeights of(Map<String, Double> weights) {
        double[] values = new double[FACTORS.size()];
        for (int i = 0; i < values.length; i++) {
            Double value = weights.get(FACTORS.get(i));
            if (value == null) {
                throw new IllegalArgumentException("no weight for factor " + FACTORS.get(i));
            }
            values[i] = value;
        }
        return of(values);
    }

    public static FactorWeights of(double[] v) {
        return new FactorWeights(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
    }

    public double[] toArray() {
        return new double[]{semantic, lexical, field, maturity, modes, budget, region, freshness};
    }

    public double get(String factor) {
        int i = FACTORS.indexOf(factor);
        if (i < 0) {
            throw new IllegalArgumentException("unknown factor " + factor);
        }
        return toArray()[i];
    }

    public double textShare() {
        return semantic + lexical;
    }

    /** The structured factors' weights, in the order of {@link #FACTORS} after semantic and lexical. */
    public double[] fit() {
        return new double[]{field, maturity, modes, budget, region, freshness};
    }

    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        double[] values = toArray();
        for (int i = 0; i < values.length; i++) {
            map.put(FACTORS.get(i), values[i]);
        }
        return map;
    }
}
