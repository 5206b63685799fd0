package io.techbridge.listing.duplicates;

/** Why a record was taken for a near-duplicate of another. */
public enum DuplicateReason {
    /** A patent number in common (achievements only: a demand names none). */
    SAME_PATENT,
    SIMILAR_TITLE,
    SIMILAR_TEXT
}
