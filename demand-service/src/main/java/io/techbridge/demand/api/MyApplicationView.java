package io.techbridge.demand.api;

import io.techbridge.demand.domain.ChallengePhase;

import java.time.LocalDate;

/**
 * One of the caller's organisation's applications, with the challenge it went to: the demand's
 * title (the generic one of a confidential demand not disclosed to the organisation), the phase
 * and the application deadline.
 */
public record MyApplicationView(
        String demandTitle,
        ChallengePhase phase,
        LocalDate applicationDeadline,
        ApplicationView application) {
}
