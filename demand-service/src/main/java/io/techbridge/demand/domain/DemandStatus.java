package io.techbridge.demand.domain;

import java.util.Map;
import java.util.Set;

/**
 * OPEN → IN_NEGOTIATION → SOLVED / CLOSED / EXPIRED; an open demand can also be solved, closed
 * or expire directly. SOLVED, CLOSED and EXPIRED are final.
 */
public enum DemandStatus {
    OPEN, IN_NEGOTIATION, SOLVED, CLOSED, EXPIRED;

    private static final Map<DemandStatus, Set<DemandStatus>> NEXT = Map.of(
            OPEN, Set.of(IN_NEGOTIATION, SOLVED, CLOSED, EXPIRED),
            IN_NEGOTIATION, Set.of(SOLVED, CLOSED, EXPIRED),
            SOLVED, Set.of(),
            CLOSED, Set.of(),
            EXPIRED, Set.of());

    public boolean canBecome(DemandStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Solved, closed and expired demands are history: they can no longer be edited or moved on. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
