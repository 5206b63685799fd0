package io.techbridge.demand.domain;

import java.util.Map;
import java.util.Set;

/**
 * OPEN → IN_NEGOTIATION → SOLVED / CLOSED / EXPIRED; an open demand can also be solved, closed
 * or expire directly. An open demand nobody touched for a while becomes STALE: its owner confirms
 * or renews it (→ OPEN), or closes it; it still expires. An expired demand can be renewed (→ OPEN);
 * SOLVED and CLOSED are final.
 */
public enum DemandStatus {
    OPEN, IN_NEGOTIATION, STALE, SOLVED, CLOSED, EXPIRED;

    private static final Map<DemandStatus, Set<DemandStatus>> NEXT = Map.of(
            OPEN, Set.of(IN_NEGOTIATION, STALE, SOLVED, CLOSED, EXPIRED),
            IN_NEGOTIATION, Set.of(SOLVED, CLOSED, EXPIRED),
            STALE, Set.of(OPEN, SOLVED, CLOSED, EXPIRED),
            SOLVED, Set.of(),
            CLOSED, Set.of(),
            EXPIRED, Set.of(OPEN));

    public boolean canBecome(DemandStatus next) {
        return NEXT.get(this).contains(next);
    }

    /**
     * Solved, closed and expired demands are history: they can no longer be edited or moved on
     * (an expired one only comes back by a renewal).
     */
    public boolean isFinal() {
        return this == SOLVED || this == CLOSED || this == EXPIRED;
    }
}
