package io.techbridge.matching.matching;

/**
 * The factor weights to score a demand's pairs with: per top-level field, learned from broker
 * decisions in the service, the configured defaults elsewhere (tools, fields without decisions).
 */
@FunctionalInterface
public interface FactorWeightSource {

    /** The weights for pairs of a demand in this top-level field (null: field unknown). */
    Weighting forField(String topLevelField);

    /** Weights, the field's recalibration of the approval estimate, and where they come from. */
    record Weighting(FactorWeights weights, boolean learned, ApprovalModel.Recalibration recalibration) {
        public Weighting(FactorWeights weights, boolean learned) {
            this(weights, learned, ApprovalModel.Recalibration.IDENTITY);
        }
    }

    /** The same weights for every field. */
    static FactorWeightSource fixed(FactorWeights weights) {
        Weighting weighting = new Weighting(weights, false);
        return field -> weighting;
    }
}
