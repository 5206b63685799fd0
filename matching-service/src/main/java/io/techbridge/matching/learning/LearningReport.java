package io.techbridge.matching.learning;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What brokers' decisions taught the matcher in one top-level field: how many proposals were
 * approved or rejected (and why), the weights now used against the defaults, and the latest moves.
 */
public record LearningReport(
        String fieldCode,
        String fieldName,
        long decisions,
        long approved,
        long rejected,
        /* approved / decisions; null before the first decision */
        Double acceptanceRate,
        Map<String, Long> rejectionsByReason,
        /* true when the field is scored with learned weights (learning on and the weights moved at least once) */
        boolean learned,
        Map<String, Double> weights,
        Map<String, Double> defaultWeights,
        List<Move> history) {

    /** One move of a weight: the decision that caused it, latest first. */
    public record Move(Instant at, String factor, double from, double to, String cause, UUID matchId, String actor) {
    }
}
