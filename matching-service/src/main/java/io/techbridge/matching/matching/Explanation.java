package io.techbridge.matching.matching;

import java.util.List;
import java.util.Map;

/**
 * Why a pair scored what it did, for a broker to read: the demand's terms found in the
 * achievement (with highlighted fragments), the semantic similarity of the two texts, each
 * factor's weight and contribution to the score, and whose weights those are.
 */
public record Explanation(
        List<String> matchedTerms,
        Map<String, List<String>> highlights,
        double semanticSimilarity,
        double bm25,
        List<Factor> factors,
        WeightsUsed weights) {

    /**
     * The weights the factors were scored with: {@code learned} when they were learned from broker
     * decisions in the demand's top-level field {@code fieldCode}, otherwise the configured defaults.
     */
    public record WeightsUsed(String fieldCode, boolean learned) {
    }
}
