package io.techbridge.matching.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.matching.matching.Explanation;
import io.techbridge.matching.domain.MatchStatus;

import java.util.UUID;

/**
 * One entry of a live ranking: the other side in brief, the score (the estimated probability that a
 * broker approves the pair), whether it reaches the operating threshold ({@code strong}; weaker
 * candidates are listed only when asked for), its explanation, and the pair's state if it has one
 * the caller may see. Built by {@code access.Visibility}, which decides
 * what of a confidential demand the caller sees.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchCandidate(
        String demandId,
        String achievementId,
        double score,
        boolean strong,
        Summary counterpart,
        Explanation explanation,
        UUID matchId,
        MatchStatus matchStatus) {

    /**
     * The other side of the pair, as much as a list needs. {@code confidential} (demands only): the
     * demand is BROKERS_ONLY; anonymised, it has a generic title and no organisation.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Summary(String id, String title, String organisationId, String organisation, String fieldCode,
            Integer trl, String regionCode, String status, Boolean confidential) {
    }
}
