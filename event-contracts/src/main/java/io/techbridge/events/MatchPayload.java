package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A pair after a change, on {@code match-events} (aggregate type {@code Match}). {@code disclosed}:
 * the enterprise accepted the introduction, so each side's organisation may now read the other's
 * listing in full (contact included) from the service that owns it. The explanation is
 * matching-service's to show through its API; the event carries the score.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MatchPayload(
        String id,
        long version,
        String demandId,
        String achievementId,
        String demandOrganisationId,
        String achievementOrganisationId,
        String fieldCode,
        String regionCode,
        double score,
        String status,
        String reasonCode,
        String note,
        Contract contract,
        boolean disclosed,
        Instant introductionAcceptedAt,
        Instant createdAt,
        Instant updatedAt,
        List<Transition> history) implements EventPayload {

    public static final String AGGREGATE_TYPE = "Match";

    public static final String PROPOSED = "MatchProposed";
    public static final String RESCORED = "MatchRescored";
    public static final String APPROVED = "MatchApproved";
    public static final String REJECTED = "MatchRejected";
    public static final String INTRODUCED = "MatchIntroduced";
    public static final String INTRODUCTION_ACCEPTED = "MatchIntroductionAccepted";
    public static final String NEGOTIATING = "MatchNegotiating";
    public static final String CONTRACTED = "MatchContracted";
    public static final String FAILED = "MatchFailed";
    public static final String WITHDRAWN = "MatchWithdrawn";

    public static final List<String> TYPES = List.of(PROPOSED, RESCORED, APPROVED, REJECTED, INTRODUCED,
            INTRODUCTION_ACCEPTED, NEGOTIATING, CONTRACTED, FAILED, WITHDRAWN);

    /** The signed technology contract: its amount and 技术合同登记号. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contract(Long amountCny, String registrationNo) {
    }

    /** One step of the pipeline: from, to, who (login name), the reason and note, the contract amount, when. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Transition(String from, String to, String actor, String reasonCode, String note,
            Long contractAmountCny, Instant at) {
    }
}
