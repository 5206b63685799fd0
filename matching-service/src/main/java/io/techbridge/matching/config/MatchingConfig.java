package io.techbridge.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pairs are found and scored; every weight lives here so it can be tuned without a release. */
@ConfigMapping(prefix = "techbridge.matching")
public interface MatchingConfig {

    /**
     * The operating threshold: a pair whose estimated approval probability reaches it is proposed,
     * shown as a strong match and may earn a challenge invitation; below it a proposal is withdrawn
     * and a ranking shows the pair only when weaker candidates are asked for.
     */
    @WithDefault("0.35")
    double proposalThreshold();

    /** Most proposals kept for one record each time it is matched. */
    @WithDefault("10")
    int maxProposalsPerRecord();

    /** Threads recomputing proposals from the queue; each takes its own task (SKIP LOCKED). */
    @WithDefault("2")
    int proposalWorkers();

    /** Candidates taken from each retriever (BM25 and kNN) before fusion. */
    @WithDefault("50")
    int candidatesPerRetriever();

    /** Candidates re-scored after fusion. */
    @WithDefault("40")
    int fusedCandidates();

    /**
     * How many nearest records of the other side a record's usual similarity is the mean of: a
     * pair is judged by how much closer its two sides are to each other than to those.
     */
    @WithDefault("5")
    int nearestNeighbours();

    /** The k of reciprocal-rank fusion. */
    @WithDefault("60")
    int rrfK();

    /**
     * The structured factors' share of the default relative weights (see {@link Weights}), which
     * broker decisions move per field; the text factors share the rest.
     */
    @WithDefault("0.15")
    double fitShare();

    Weights weights();

    /** The approval model's coefficients (see {@code matching.ApprovalModel}). */
    Model model();

    /** How broker decisions move the weights of each field (see {@link Learning}). */
    Learning learning();

    /**
     * Relative weights of the factors, the base that learning moves per field; a field's model
     * coefficient is the model's × learned ÷ default weight. Each group (text, structured) is
     * normalised on its own.
     */
    interface Weights {
        @WithDefault("0.3")
        double semantic();

        @WithDefault("0.7")
        double lexical();

        @WithDefault("0.12")
        double field();

        @WithDefault("0.08")
        double maturity();

        @WithDefault("0.05")
        double modes();

        @WithDefault("0.04")
        double budget();

        @WithDefault("0.04")
        double region();

        @WithDefault("0.03")
        double freshness();
    }

    /**
     * Log-odds of broker approval per unit of each factor's value. The intercept and the semantic,
     * lexical and field coefficients are fitted on labelled pairs ({@code evaluate --fit}); the
     * others are priors, centred on each factor's "not stated" value.
     */
    interface Model {
        @WithDefault("-3.343")
        double intercept();

        @WithDefault("-0.046")
        double semantic();

        @WithDefault("6.394")
        double lexical();

        @WithDefault("1.024")
        double field();

        /** Per unit of similarity above the mean similarity of the demand's candidates. */
        @WithDefault("2.122")
        double relativeSimilarity();

        /**
         * Per unit of similarity over both sides' nearest neighbours: 2 × similarity − the mean
         * similarity of the demand's nearest achievements − that of the achievement's nearest demands.
         */
        @WithDefault("6.065")
        double similarityOverNeighbours();

        /** Per unit of text evidence above the demand's best other candidate (2 × similarity + 12 × lexical). */
        @WithDefault("0.268")
        double margin();

        @WithDefault("1")
        double maturity();

        @WithDefault("0.5")
        double modes();

        @WithDefault("0.5")
        double budget();

        @WithDefault("0.25")
        double region();

        @WithDefault("0.5")
        double freshness();

        default double[] coefficients() {
            return new double[]{semantic(), lexical(), field(), maturity(), modes(), budget(), region(), freshness()};
        }
    }

    /**
     * Learning from broker decisions: each approval or rejection in a top-level field multiplies the
     * weight of the factors it points at by (1 + rate), then all weights of the field are scaled
     * back to a sum of 1, each kept within [minRatio, maxRatio] × its default.
     */
    interface Learning {

        /** Off: decisions move no weight and every field is scored with the defaults (learned ones are kept). */
        @WithDefault("true")
        boolean enabled();

        /** The step of a rejection with a reason code, e.g. 0.1 raises the factor by a tenth before renormalising. */
        @WithDefault("0.1")
        double rate();

        /** The step of an approval for each factor on which the approved pair stood out. */
        @WithDefault("0.05")
        double approvalRate();

        /**
         * An approval raises the factors on which the approved pair beat the mean of the demand's other
         * pairs by at least this much (factor values are in [0, 1]).
         */
        @WithDefault("0.1")
        double approvalMargin();

        /** No weight falls below this multiple of its default. */
        @WithDefault("0.25")
        double minRatio();

        /** No weight rises above this multiple of its default. */
        @WithDefault("3")
        double maxRatio();

        /**
         * After weights moved, besides the decided demand this many other open demands of the field
         * with standing proposals are queued for re-proposal (most recently changed first).
         */
        @WithDefault("10")
        int requeueDemands();

        /**
         * Decisions a field needs (some approvals and some rejections among them) before they refit
         * its approval estimate; until then the fitted model is used as it is.
         */
        @WithDefault("20")
        int minCalibrationDecisions();

        /** Moves of the weight history shown per field by GET /api/stats/learning. */
        @WithDefault("50")
        int historyShown();

        /**
         * How long an instance trusts its cached weights; a decision on this instance clears its cache
         * at once, this bounds how late other instances see it.
         */
        @WithDefault("PT30S")
        java.time.Duration cacheTtl();
    }
}
