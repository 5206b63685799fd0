package io.techbridge.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How pairs are found and scored; every weight lives here so it can be tuned without a release. */
@ConfigMapping(prefix = "techbridge.matching")
public interface MatchingConfig {

    /** A pair at or above this score becomes a proposal; below it an existing proposal is withdrawn. */
    @WithDefault("0.45")
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

    /** The k of reciprocal-rank fusion. */
    @WithDefault("60")
    int rrfK();

    /** BM25 score at which the lexical factor reaches one half: lexical = bm25 / (bm25 + k). */
    @WithDefault("25")
    double lexicalHalfScore();

    /** Cosine similarity of unrelated texts under the embedding model; the semantic factor starts here. */
    @WithDefault("0.35")
    double semanticFloor();

    /** Cosine similarity at which the semantic factor saturates. */
    @WithDefault("0.85")
    double semanticCeiling();

    /**
     * How far the structured fit can move a pair: score = relevance × (1 − share + share × fit).
     * The text decides relevance; the fit ranks relevant pairs.
     */
    @WithDefault("0.15")
    double fitShare();

    Weights weights();

    /**
     * Relative weights: semantic and lexical make up the relevance, the others the structured fit;
     * each group is normalised on its own.
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
}
