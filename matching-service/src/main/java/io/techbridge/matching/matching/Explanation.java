package io.techbridge.matching.matching;

import java.util.List;
import java.util.Map;

/**
 * Why a pair scored what it did, for a broker to read: the demand's terms found in the
 * achievement (with highlighted fragments), the semantic similarity of the two texts, and each
 * factor's contribution to the score.
 */
public record Explanation(
        List<String> matchedTerms,
        Map<String, List<String>> highlights,
        double semanticSimilarity,
        double bm25,
        List<Factor> factors) {
}
