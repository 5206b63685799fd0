package io.techbridge.demand.domain;

/** Who may read a demand's full text. */
public enum Confidentiality {
    /** Everyone sees the demand as posted. */
    PUBLIC,
    /** Only brokers see the full text; universities see an anonymised summary until the enterprise agrees to an introduction. */
    BROKERS_ONLY
}
