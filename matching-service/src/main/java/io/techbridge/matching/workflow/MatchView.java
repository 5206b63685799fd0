package io.techbridge.matching.workflow;

import io.techbridge.matching.domain.ReasonCode;
import io.techbridge.matching.domain.MatchStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.matching.matching.Explanation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A pair as the API shows it (match-events carry {@link io.techbridge.events.MatchPayload}). {@code disclosed}: the enterprise accepted
 * the introduction (at {@code introductionAcceptedAt}), so the achievement's organisation may see
 * the demand and its contact in full; it stays true afterwards.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchView(
        UUID id,
        long version,
        String demandId,
        String achievementId,
        String demandOrganisationId,
        String achievementOrganisationId,
        String fieldCode,
        String regionCode,
        double score,
        MatchStatus status,
        ReasonCode reasonCode,
        String note,
        Contract contract,
        boolean disclosed,
        Instant introductionAcceptedAt,
        Explanation explanation,
        Instant createdAt,
        Instant updatedAt,
        List<Transition> history) {

    /** The same pair with the demand's organisation and the explanation replaced, for a caller who may not see them. */
    public MatchView withDemandSide(String organisationId, Explanation shownExplanation) {
        return new MatchView(id, version, demandId, achievementId, organisationId, achievementOrganisationId, fieldCode,
                regionCode, score, status, reasonCode, note, contract, disclosed, introductionAcceptedAt,
                shownExplanation, createdAt, updatedAt, history);
    }

    public record Contract(Long amountCny, String registrationNo) {
    }

    public record Transition(MatchStatus from, MatchStatus to, String actor, ReasonCode reasonCode, String note,
            Long contractAmountCny, Instant at) {
    }
}
