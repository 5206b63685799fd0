package io.techbridge.demand.domain;

import io.techbridge.demand.persistence.Demand;

import java.time.LocalDate;

/**
 * Where an open challenge stands: APPLYING through its application deadline (a whole day in the
 * service's time zone), JUDGING after it until the winners are picked, AWARDED then; CLOSED when
 * the demand ended (closed, solved, expired) without an award.
 */
public enum ChallengePhase {
    APPLYING, JUDGING, AWARDED, CLOSED;

    /** The phase of the demand's challenge on {@code today}; null when it has none. */
    public static ChallengePhase of(Demand demand, LocalDate today) {
        if (!demand.hasChallenge()) {
            return null;
        }
        if (demand.challengeAwardedAt != null) {
            return AWARDED;
        }
        if (demand.status.isFinal()) {
            return CLOSED;
        }
        return today.isAfter(demand.challengeApplicationDeadline) ? JUDGING : APPLYING;
    }
}
