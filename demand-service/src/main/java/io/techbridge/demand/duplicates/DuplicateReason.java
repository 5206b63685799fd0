package io.techbridge.demand.duplicates;

/** Why a demand was taken for a near-duplicate of another. */
public enum DuplicateReason {
    SIMILAR_TITLE, SIMILAR_TEXT
}
