package io.techbridge.matching.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.matching.matching.Explanation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A pair as the API shows it and match-events carry it. */
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
        Explanation explanation,
        Instant createdAt,
        Instant updatedAt,
        List<Transition> history) {

    public record Contract(Long amountCny, String registrationNo) {
    }

    public record Transition(MatchStatus from, MatchStatus to, String actor, ReasonCode reasonCode, String note,
            Long contractAmountCny, Instant at) {
    }
}
