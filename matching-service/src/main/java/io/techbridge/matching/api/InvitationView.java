package io.techbridge.matching.api;

import java.time.Instant;
import java.util.List;

/**
 * An organisation invited to a challenge and why: its best-matching achievement when invited, the
 * pair's score and the demand's terms found in the achievement (left out where they would quote a
 * confidential demand's text to someone who may not read it).
 */
public record InvitationView(String demandId, String organisationId, String organisationName, String achievementId,
        String achievementTitle, double score, List<String> matchedTerms, Instant invitedAt) {
}
