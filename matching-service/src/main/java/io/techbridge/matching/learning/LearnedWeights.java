package io.techbridge.matching.learning;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.FactorWeightSource;
import io.techbridge.matching.matching.ApprovalModel;
import io.techbridge.matching.matching.FactorWeights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The weights the matcher scores with, and each field's recalibration from broker decisions
 * ({@link Recalibration}), per top-level field, from memory: all fields are read in
 * one query when the cache is empty or older than the configured time, so scoring never goes to
 * the database per pair. A decision that moved weights clears the cache once its transaction
 * committed; other instances see it within the cache time.
 */
@ApplicationScoped
public class LearnedWeights implements FactorWeightSource {

    /** Fired in the transaction of a decision on a demand's pair that moved the field's weights. */
    public record Changed(String fieldCode, String demandId) {
    }

    private record Snapshot(Map<String, FactorWeights> learned, Map<String, Recalibration.Result> calibrations,
            long loadedAt, long generation) {
    }

    private final MatchingConfig.Learning config;
    private final double threshold;
    private final WeightStore store;
    private final Weighting defaults;
    /** Grows with every invalidation, so a load that started before a change is not kept after it. */
    private final AtomicLong generation = new AtomicLong();
    private volatile Snapshot snapshot;

    public LearnedWeights(MatchingConfig config, WeightStore store) {
        this.config = config.learning();
        this.threshold = config.proposalThreshold();
        this.store = store;
        this.defaults = new Weighting(FactorWeights.defaults(config), false);
    }

    @Override
    public Weighting forField(String topLevelField) {
        if (!config.enabled() || topLevelField == null) {
            return defaults;
        }
        Snapshot s = current();
        FactorWeights learned = s.learned().get(topLevelField);
        Recalibration.Result calibration = s.calibrations().get(topLevelField);
        // Fields without enough decisions keep the fitted model as it is.
        ApprovalModel.Recalibration recalibration = calibration == null
                ? ApprovalModel.Recalibration.IDENTITY : calibration.recalibration();
        if (learned == null && recalibration.isIdentity()) {
            return defaults;
        }
        return new Weighting(learned == null ? defaults.weights() : learned, learned != null, recalibration);
    }

    /** Each field's recalibration from its decisions, as the matcher uses it now. */
    public Map<String, Recalibration.Result> calibrations() {
        return current().calibrations();
    }

    public FactorWeights defaults() {
        return defaults.weights();
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (fresh(s)) {
            return s;
        }
        synchronized (this) {
            s = snapshot;
            if (fresh(s)) {
                return s;
            }
            long loading = generation.get();
            // Its own transaction: committed weights only, whatever transaction the caller is in.
            Map<String, FactorWeights> learned = Map.copyOf(QuarkusTransaction.requiringNew().call(store::loadAll));
            Map<String, Recalibration.Result> calibrations = new java.util.HashMap<>();
            QuarkusTransaction.requiringNew().call(store::decidedScores).forEach((field, decisions) ->
                    calibrations.put(field, Recalibration.fit(decisions, threshold, config.minCalibrationDecisions())));
            s = new Snapshot(learned, Map.copyOf(calibrations), System.nanoTime(), loading);
            snapshot = s;
            return s;
        }
    }

    private boolean fresh(Snapshot s) {
        return s != null && s.generation() == generation.get()
                && System.nanoTime() - s.loadedAt() < config.cacheTtl().toNanos();
    }

    void onChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        invalidate();
    }

    public void invalidate() {
        generation.incrementAndGet();
        snapshot = null;
    }
}
