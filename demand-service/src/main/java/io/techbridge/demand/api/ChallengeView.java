package io.techbridge.demand.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.demand.domain.ChallengePhase;
import io.techbridge.demand.persistence.Demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The open challenge of a demand as the API shows it: what the enterprise set ({@link Challenge})
 * and where it stands: its phase, how many live applications it has, and once awarded the winners,
 * when and by whom (login name and role).
 */
public record ChallengeView(
        String goal,
        String indicators,
        Long bountyCny,
        LocalDate applicationDeadline,
        LocalDate judgingDeadline,
        ChallengePhase phase,
        long applicationCount,
        List<WinnerView> winners,
        @JsonInclude(JsonInclude.Include.NON_NULL) Instant awardedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) String awardedBy,
        @JsonInclude(JsonInclude.Include.NON_NULL) String awardedByRole) {

    public record WinnerView(UUID applicationId, String organisationId, String organisationName) {
    }

    /** The challenge of the demand (null when it has none), in the given phase with that many live applications. */
    public static ChallengeView of(Demand d, ChallengePhase phase, long applicationCount) {
        if (!d.hasChallenge()) {
            return null;
        }
        List<WinnerView> winners = d.challengeWinners == null ? List.of() : d.challengeWinners.stream()
                .map(w -> new WinnerView(w.applicationId(), w.organisationId(), w.organisationName())).toList();
        return new ChallengeView(d.challengeGoal, d.challengeIndicators, d.challengeBountyCny,
                d.challengeApplicationDeadline, d.challengeJudgingDeadline, phase, applicationCount, winners,
                d.challengeAwardedAt, d.challengeAwardedBy, d.challengeAwardedRole);
    }
}
