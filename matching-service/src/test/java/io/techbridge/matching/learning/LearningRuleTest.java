package io.techbridge.matching.learning;

import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.FactorWeights;
import io.techbridge.matching.domain.ReasonCode;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The rule by which one decision moves a field's weights, on its own (no servers needed). */
class LearningRuleTest {

    /** The configured defaults: text share 0.85 (semantic 0.3 : lexical 0.7), fit share 0.15 split 12:8:5:4:4:3. */
    private static final FactorWeights DEFAULTS = new FactorWeights(0.255, 0.595, 0.15 * 12 / 36, 0.15 * 8 / 36,
            0.15 * 5 / 36, 0.15 * 4 / 36, 0.15 * 4 / 36, 0.15 * 3 / 36);

    private final LearningRule rule = new LearningRule(DEFAULTS, settings(0.1, 0.05, 0.25, 3));

    @Test
    void aRunOfRejectionsRaisesItsFactorUpToItsBoundAndTheWeightsAlwaysSumToOne() {
        FactorWeights weights = DEFAULTS;
        double previous = weights.maturity();
        for (int i = 0; i < 100; i++) {
            weights = rule.reject(weights, ReasonCode.TOO_EARLY).weights();
            assertEquals(1.0, sum(weights), 1e-9);
            assertTrue(weights.maturity() >= previous - 1e-12, "maturity never falls on TOO_EARLY");
            previous = weights.maturity();
        }
        assertEquals(3 * DEFAULTS.maturity(), weights.maturity(), 1e-9, "held at 3 × its default");
        double[] d = DEFAULTS.toArray();
        double[] w = weights.toArray();
        for (int i = 0; i < w.length; i++) {
            assertTrue(w[i] >= 0.25 * d[i] - 1e-12 && w[i] <= 3 * d[i] + 1e-12, FactorWeights.FACTORS.get(i) + " within bounds");
        }
        assertFalse(rule.reject(weights, ReasonCode.TOO_EARLY).moved(), "at its bound another rejection moves nothing");
    }

    @Test
    void eachReasonRaisesItsOwnFactorAndDuplicateOrOtherMoveNothing() {
        Map<ReasonCode, Set<String>> expected = Map.of(ReasonCode.TOO_EARLY, Set.of("maturity"),
                ReasonCode.PRICE_MISMATCH, Set.of("budget"), ReasonCode.REGION, Set.of("region"),
                ReasonCode.FIELD_MISMATCH, Set.of("field"), ReasonCode.BENEFIT_UNCLEAR, Set.of("semantic", "lexical"));
        expected.forEach((reason, factors) -> {
            LearningRule.Outcome outcome = rule.reject(DEFAULTS, reason);
            for (String factor : FactorWeights.FACTORS) {
                boolean raised = outcome.weights().get(factor) > DEFAULTS.get(factor);
                assertEquals(factors.contains(factor), raised, reason + " moves " + factor);
            }
        });
        assertFalse(rule.reject(DEFAULTS, ReasonCode.DUPLICATE).moved());
        assertFalse(rule.reject(DEFAULTS, ReasonCode.OTHER).moved());
    }

    @Test
    void anApprovalRaisesOnlyTheFactorsOnWhichThePairBeatTheDemandsOtherPairs() {
        Map<String, Double> approved = Map.of("semantic", 0.6, "lexical", 0.5, "field", 1.0, "maturity", 0.8,
                "modes", 0.6, "budget", 0.7, "region", 1.0, "freshness", 1.0);
        List<Map<String, Double>> others = List.of(
                Map.of("semantic", 0.55, "lexical", 0.5, "field", 1.0, "maturity", 0.8, "modes", 0.6, "budget", 0.7,
                        "region", 0.4, "freshness", 1.0),
                Map.of("semantic", 0.6, "lexical", 0.45, "field", 1.0, "maturity", 0.8, "modes", 0.6, "budget", 0.7,
                        "region", 0.7, "freshness", 1.0));
        assertEquals(Set.of("region"), rule.standingOut(approved, others));
        LearningRule.Outcome outcome = rule.approve(DEFAULTS, approved, others);
        assertTrue(outcome.weights().region() > DEFAULTS.region());
        assertTrue(outcome.weights().field() < DEFAULTS.field(), "the others are rescaled");
        assertFalse(rule.approve(DEFAULTS, approved, List.of()).moved(), "nothing to compare with, nothing learned");
    }

    @Test
    void settingsThatCouldLetAWeightVanishOrRunAwayAreRefused() {
        assertThrows(IllegalStateException.class, () -> new LearningRule(DEFAULTS, settings(1.5, 0.05, 0.25, 3)));
        assertThrows(IllegalStateException.class, () -> new LearningRule(DEFAULTS, settings(0.1, 0.05, 0, 3)));
        assertThrows(IllegalStateException.class, () -> new LearningRule(DEFAULTS, settings(0.1, 0.05, 0.25, 0.5)));
    }

    private static double sum(FactorWeights weights) {
        double total = 0;
        for (double w : weights.toArray()) {
            total += w;
        }
        return total;
    }

    private static MatchingConfig.Learning settings(double rate, double approvalRate, double minRatio, double maxRatio) {
        return new MatchingConfig.Learning() {
            public boolean enabled() { return true; }
            public double rate() { return rate; }
            public double approvalRate() { return approvalRate; }
            public double approvalMargin() { return 0.1; }
            public double minRatio() { return minRatio; }
            public double maxRatio() { return maxRatio; }
            public int requeueDemands() { return 10; }
            public int historyShown() { return 50; }
            public int minCalibrationDecisions() { return 20; }
            public Duration cacheTtl() { return Duration.ofSeconds(30); }
        };
    }
}
