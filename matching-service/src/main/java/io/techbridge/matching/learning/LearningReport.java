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
        List<Move> history,
        Calibration calibration) {

    /** Without the moves, which name other parties' pairs, their brokers and causes. */
    public LearningReport aggregatesOnly() {
        return new LearningReport(fieldCode, fieldName, decisions, approved, rejected, acceptanceRate, rejectionsByReason,
                learned, weights, defaultWeights, List.of(), calibration);
    }

    /**
     * The field's approval estimate refitted on its decisions ({@code recalibrated} once it has
     * enough): log-odds become shift + slope × log-odds; and the proposal precision at the operating
     * threshold over the decided pairs — the share brokers approved of those at or above it — with
     * the model before and after the refit, with how many pairs each would propose.
     */
    public record Calibration(boolean recalibrated, int decisions, double shift, double slope, double threshold,
            Double precisionBefore, int proposalsBefore, Double precisionAfter, int proposalsAfter) {
    }

    /** One move of a weight: the decision that caused it, latest first. */
    public record Move(Instant at, String factor, double from, double to, String cause, UUID matchId, String actor) {
    }
}
