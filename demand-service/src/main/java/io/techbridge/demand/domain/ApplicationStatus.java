package io.techbridge.demand.domain;

/** An application to an open challenge: SUBMITTED → WITHDRAWN | WON | NOT_SELECTED (shortlisting is a flag). */
public enum ApplicationStatus {
    SUBMITTED, WITHDRAWN, WON, NOT_SELECTED;

    /** Counts against the one application an organisation may have per challenge. */
    public boolean isLive() {
        return this != WITHDRAWN;
    }
}
