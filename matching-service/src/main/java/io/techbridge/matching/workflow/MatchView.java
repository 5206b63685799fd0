package io.techbridge.matching.workflow;

import io.techbridge.matching.domain.ReasonCode;
import io.techbridge.matching.domain.MatchStatus;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.matching.matching.Explanation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A pair as the API shows it (match-events carry {@link io.techbridge.events.MatchPayload}). {@code disclosed}: the enterprise accepted
 * the introduction (at {@code introductionAcceptedAt}; {@code introductionAcceptedVia} ENTERPRISE when it
 * answered in TechBridge, OFFLINE when a broker recorded an acceptance given elsewhere), so the
 * achievement's organisation may see the demand and its contact in full; it stays true afterwards.
 * {@code assignee} and {@code nextStepOn} are the brokers' follow-up, shown to brokers and admins only.
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
        String introductionAcceptedVia,
        Assignee assignee,
        LocalDate nextStepOn,
        Explanation explanation,
        Instant createdAt,
        Instant updatedAt,
        List<Transition> history) {

    /** The same pair with the demand's organisation and the explanation replaced, for a caller who may not see them. */
    public MatchView withDemandSide(String organisationId, Explanation shownExplanation) {
        return new MatchView(id, version, demandId, achievementId, organisationId, achievementOrganisationId, fieldCode,
                regionCode, score, status, reasonCode, note, contract, disclosed, introductionAcceptedAt,
                introductionAcceptedVia, assignee, nextStepOn, shownExplanation, createdAt, updatedAt, history);
    }

    /** The same pair without the brokers' follow-up (who works on it, the next step's date): for the parties. */
    public MatchView withoutFollowUp() {
        return new MatchView(id, version, demandId, achievementId, demandOrganisationId, achievementOrganisationId,
                fieldCode, regionCode, score, status, reasonCode, note, contract, disclosed, introductionAcceptedAt,
                introductionAcceptedVia, null, null, explanation, createdAt, updatedAt, history);
    }

    /** The broker following the pair up: the token subject, the name shown, since when. */
    public record Assignee(String userId, String name, Instant since) {
    }

    public record Contract(Long amountCny, String registrationNo) {
    }

    public record Transition(MatchStatus from, MatchStatus to, String actor, ReasonCode reasonCode, String note,
            Long contractAmountCny, Instant at) {
    }
}
