package io.techbridge.matching.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A challenge the caller's organisation was invited to: the demand's title (anonymised when it is
 * BROKERS_ONLY and not disclosed to the organisation), its terms and why the organisation was invited.
 */
public record MyInvitation(String demandId, String demandTitle, String fieldCode, boolean confidential,
        LocalDate applicationDeadline, Long bountyCny, String achievementId, String achievementTitle, double score,
        List<String> matchedTerms, Instant invitedAt) {
}
