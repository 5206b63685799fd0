package io.techbridge.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pairs are found and scored; every weight lives here so it can be tuned without a release. */
@ConfigMapping(prefix = "techbridge.matching")
public interface MatchingConfig {

    /** A pair at or above this score becomes a proposal; below it an existing proposal is withdrawn. */
    @WithDefault("0.5")
    double proposalThreshold();

    /** Most proposals kept for one record each time it is matched. */
    @WithDefault("10")
    int maxProposalsPerRecord();

    /** Candidates taken from each retriever (BM25 and kNN) before fusion. */
    @WithDefault("50")
    int candidatesPerRetriever();

    /** Candidates re-scored after fusion. */
    @WithDefault("40")
    int fusedCandidates();

    /** The k of reciprocal-rank fusion. */
    @WithDefault("60")
    int rrfK();

    /** BM25 score at which the lexical factor reaches one half: lexical = bm25 / (bm25 + k). */
    @WithDefault("12")
    double lexicalHalfScore();

    /** Cosine similarity of unrelated texts under the embedding model; the semantic factor starts here. */
    @WithDefault("0.35")
    double semanticFloor();

    /** Cosine similarity at which the semantic factor saturates. */
    @WithDefault("0.85")
    double semanticCeiling();

    Weights weights();

    /** Contribution of each factor; they are normalised to sum to one, so the score stays in [0, 1]. */
    interface Weights {
        @WithDefault("0.34")
        double semantic();

        @WithDefault("0.30")
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
}
