package io.techbridge.matching.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.matching.matching.Explanation;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.workflow.MatchStatus;

import java.util.UUID;

/** One entry of a live ranking: the other side in brief, the score and its explanation, and the pair's state if it has one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MatchCandidate(
        String demandId,
        String achievementId,
        double score,
        Summary counterpart,
        Explanation explanation,
        UUID matchId,
        MatchStatus matchStatus) {

    /** The other side of the pair, as much as a list needs. */
    public record Summary(String id, String title, String organisationId, String organisation, String fieldCode,
            Integer trl, String regionCode, String status) {
    }

    public static MatchCandidate forDemand(ScoredPair pair, MatchPair stored) {
        AchievementDocument a = pair.achievement();
        return new MatchCandidate(pair.demandId(), pair.achievementId(), pair.score(),
                new Summary(a.id(), a.title(), a.organisationId(), a.institution(), a.fieldCode(), a.trl(),
                        a.regionCode(), a.status()),
                pair.explanation(), stored == null ? null : stored.id, stored == null ? null : stored.status);
    }

    public static MatchCandidate forAchievement(ScoredPair pair, MatchPair stored) {
        DemandDocument d = pair.demand();
        return new MatchCandidate(pair.demandId(), pair.achievementId(), pair.score(),
                new Summary(d.id(), d.title(), d.organisationId(), d.enterprise(), d.fieldCode(), d.minTrl(),
                        d.regionCode(), d.status()),
                pair.explanation(), stored == null ? null : stored.id, stored == null ? null : stored.status);
    }
}
