package io.techbridge.matching.domain;

/** Why a broker rejected a proposal; the feedback that tunes matching. */
public enum ReasonCode {
    TOO_EARLY, FIELD_MISMATCH, BENEFIT_UNCLEAR, PRICE_MISMATCH, REGION, DUPLICATE, OTHER
}
