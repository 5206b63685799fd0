package io.techbridge.matching.matching;

import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;

/** A (demand, achievement) pair with its score in [0, 1] and the explanation of it. */
public record ScoredPair(DemandDocument demand, AchievementDocument achievement, double score, Explanation explanation,
        Inputs inputs) {

    /**
     * What the approval model read, for refitting it: the similarity, the similarity relative to the
     * demand's candidates, the similarity over both sides' nearest neighbours, the lexical overlap, the field fit, the margin to the demand's best other
     * candidate, and the log-odds of the structured priors (held fixed when refitting).
     */
    public record Inputs(double cosine, double relativeSimilarity, double overNeighbours, double lexical, double field,
            double margin, double priors) {
    }

    public String demandId() {
        return demand.id();
    }

    public String achievementId() {
        return achievement.id();
    }
}
