package io.techbridge.matching.domain;

import java.util.Map;
import java.util.Set;

/**
 * The pipeline of a pair. The matcher proposes and withdraws; a broker approves or rejects a
 * proposal and moves an approved pair through introduction and negotiation to a contract, or
 * marks it failed. A rejected pair is never proposed again.
 */
public enum MatchStatus {
    PROPOSED, WITHDRAWN, APPROVED, REJECTED, INTRODUCED, NEGOTIATING, CONTRACTED, FAILED;

    private static final Map<MatchStatus, Set<MatchStatus>> BROKER_MOVES = Map.of(
            PROPOSED, Set.of(APPROVED, REJECTED),
            APPROVED, Set.of(INTRODUCED, FAILED),
            INTRODUCED, Set.of(NEGOTIATING, FAILED),
            NEGOTIATING, Set.of(CONTRACTED, FAILED));

    public boolean brokerCanMoveTo(MatchStatus next) {
        return BROKER_MOVES.getOrDefault(this, Set.of()).contains(next);
    }

    /**
     * From APPROVED on a pair concerns its two organisations: they may see it. Proposals, withdrawn
     * and rejected pairs are the brokers' working material only.
     */
    public static final Set<MatchStatus> SHOWN_TO_PARTIES = Set.of(APPROVED, INTRODUCED, NEGOTIATING, CONTRACTED,
            FAILED);

    public boolean shownToParties() {
        return SHOWN_TO_PARTIES.contains(this);
    }

    /** Only open proposals follow the matcher; a broker's decision is never undone by it. */
    public boolean followsMatcher() {
        return this == PROPOSED || this == WITHDRAWN;
    }
}
