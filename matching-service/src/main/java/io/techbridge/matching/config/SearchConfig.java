package io.techbridge.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Full-text search ({@code GET /api/search}): besides the words, a record is found when its embedding
 * is close enough to the query's. The floor keeps that route to records that say the same thing.
 */
@ConfigMapping(prefix = "techbridge.search")
public interface SearchConfig {

    String DEFAULT_SEMANTIC_FLOOR = "0.65";
    String DEFAULT_SEMANTIC_HITS = "20";
    String DEFAULT_SEMANTIC_CANDIDATES = "100";

    /**
     * The cosine similarity between the query's embedding and a record's (title and summary or
     * problem) at or above which the record is found without sharing the query's words. Above 1
     * turns the route off.
     */
    @WithDefault(DEFAULT_SEMANTIC_FLOOR)
    double semanticFloor();

    /** Most records one query finds through the embeddings (the k of the kNN search). */
    @WithDefault(DEFAULT_SEMANTIC_HITS)
    int semanticHits();

    /** Candidates the kNN search considers per shard before keeping the nearest (num_candidates). */
    @WithDefault(DEFAULT_SEMANTIC_CANDIDATES)
    int semanticCandidates();

    /**
     * Replicas of each shard of the search indexes: 0 on a single Elasticsearch node (a replica
     * could never be placed, and the health would stay yellow), 1 on a cluster, so that it keeps
     * every shard through the loss of one node.
     */
    @WithDefault("0")
    int indexReplicas();
}
