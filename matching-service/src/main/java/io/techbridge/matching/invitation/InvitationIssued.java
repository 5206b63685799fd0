package io.techbridge.matching.invitation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The payload of ChallengeInvitationIssued on invitation-events: the invitation with the challenge's terms. */
public record InvitationIssued(String id, String demandId, String demandOrganisationId, String organisationId,
        String organisationName, String achievementId, String achievementTitle, double score,
        List<String> matchedTerms, LocalDate applicationDeadline, Long bountyCny, Instant invitedAt) {

    static InvitationIssued of(Invitation invitation, ChallengeTerms terms) {
        return new InvitationIssued(invitation.aggregateId(), invitation.demandId(), invitation.demandOrganisationId(),
                invitation.organisationId(), invitation.organisationName(), invitation.achievementId(),
                invitation.achievementTitle(), invitation.score(), invitation.matchedTerms(),
                terms.applicationDeadline(), terms.bountyCny(), invitation.invitedAt());
    }
}
