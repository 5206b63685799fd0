package io.techbridge.achievement.duplicates;

/** Why a record was taken for a near-duplicate of another. */
public enum DuplicateReason {
    SAME_PATENT, SIMILAR_TITLE, SIMILAR_TEXT
}
