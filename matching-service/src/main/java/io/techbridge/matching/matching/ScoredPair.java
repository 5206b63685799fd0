package io.techbridge.matching.matching;

import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;

/** A (demand, achievement) pair with its score in [0, 1] and the explanation of it. */
public record ScoredPair(DemandDocument demand, AchievementDocument achievement, double score, Explanation explanation) {

    public String demandId() {
        return demand.id();
    }

    public String achievementId() {
        return achievement.id();
    }
}
