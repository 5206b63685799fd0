package io.techbridge.matching.invitation;

import java.time.Instant;
import java.util.List;

/**
 * An organisation invited to apply to an open challenge, and why: its best-matching achievement
 * when it was invited, that pair's score and the demand's terms found in the achievement.
 */
public record Invitation(String demandId, String demandOrganisationId, String organisationId,
        String organisationName, String achievementId, String achievementTitle, double score,
        List<String> matchedTerms, Instant invitedAt) {

    /** The event's aggregate id: one invitation per demand and organisation. */
    public String aggregateId() {
        return demandId + "/" + organisationId;
    }
}
