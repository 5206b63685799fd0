package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An invitation to apply to an open challenge, on {@code invitation-events} (aggregate type
 * {@code ChallengeInvitation}, one event per invitation, version 1): whom, for which of its
 * achievements, with the challenge's terms.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record InvitationPayload(String id, String demandId, String demandOrganisationId, String organisationId,
        String organisationName, String achievementId, String achievementTitle, double score,
        List<String> matchedTerms, LocalDate applicationDeadline, Long bountyCny, Instant invitedAt)
        implements EventPayload {

    public static final String AGGREGATE_TYPE = "ChallengeInvitation";
    public static final String ISSUED = "ChallengeInvitationIssued";

    public static final List<String> TYPES = List.of(ISSUED);
}
