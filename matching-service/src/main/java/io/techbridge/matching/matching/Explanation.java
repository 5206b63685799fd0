package io.techbridge.matching.matching;

import java.util.List;
import java.util.Map;

/**
 * Why a pair scored what it did, for a broker to read: the demand's content words found in the
 * achievement (with highlighted fragments), the semantic similarity of the two texts, each
 * factor's value, weight, share of the score and reason, and whose weights those are.
 */
public record Explanation(
        List<String> matchedTerms,
        Map<String, List<String>> highlights,
        double semanticSimilarity,
        List<Factor> factors,
        WeightsUsed weights) {

    /**
     * The weights the factors were scored with: {@code learned} when they were learned from broker
     * decisions in the demand's top-level field {@code fieldCode}, otherwise the configured defaults;
     * {@code recalibrated} when the field's decisions also refitted the approval estimate.
     */
    public record WeightsUsed(String fieldCode, boolean learned, boolean recalibrated) {
    }
}
