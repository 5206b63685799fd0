package io.techbridge.demand.domain;

/** Who may read a demand's full text. */
public enum Confidentiality {
    /** Everyone reads the text; the contact only those who may see it. */
    PUBLIC,
    /**
     * The owner organisation, brokers, admins and organisations it was disclosed to (an accepted
     * introduction) see the full text; everyone else an anonymised summary (see DemandViews).
     */
    BROKERS_ONLY
}
