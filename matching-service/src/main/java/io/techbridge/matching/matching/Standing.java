package io.techbridge.matching.matching;

import java.util.List;

/**
 * How a demand's candidates stand: the mean similarity of its candidates and of its nearest
 * achievements (some demands are near every text in the embedding space, some far from all) and
 * its two strongest candidates. A pair is judged against its demand's standing whichever side it
 * was found from.
 */
public record Standing(double meanCosine, double nearestCosine, String bestAchievementId, double best, double second,
        boolean complete) {

    public static final Standing NONE = new Standing(0, 0, null, 0, 0, false);

    /**
     * The standing of a demand's candidates; {@code complete} when the pool held as many
     * achievements as a neighbourhood has. An incomplete one (a demand posted before the
     * achievements it will meet) is not kept: it is measured again when next needed.
     */
    static Standing of(List<Matcher.Evidence> candidates, double nearestCosine, boolean complete) {
        if (candidates.isEmpty()) {
            return NONE;
        }
        double mean = candidates.stream().mapToDouble(Matcher.Evidence::cosine).average().orElse(0);
        Matcher.Evidence top = candidates.get(0);
        for (Matcher.Evidence e : candidates) {
            if (e.strength() > top.strength()) {
                top = e;
            }
        }
        double second = 0;
        for (Matcher.Evidence e : candidates) {
            if (e != top) {
                second = Math.max(second, e.strength());
            }
        }
        return new Standing(mean, nearestCosine, top.achievement().id(), top.strength(), second, complete);
    }

    /** How far a candidate stands above (positive) or below the demand's best other candidate. */
    double margin(Matcher.Evidence candidate) {
        if (bestAchievementId == null) {
            return 0;
        }
        double bestOther = candidate.achievement().id().equals(bestAchievementId) ? second : best;
        return candidate.strength() - Math.max(bestOther, 0);
    }

    /**
     * The standing once a candidate found from the achievement's side is counted: a candidate
     * stronger than the best becomes the best, so later pairs are measured against it.
     */
    Standing with(Matcher.Evidence candidate) {
        String id = candidate.achievement().id();
        double strength = candidate.strength();
        if (id.equals(bestAchievementId)) {
            return strength == best ? this : new Standing(meanCosine, nearestCosine, id, strength, second, complete);
        }
        if (strength > best) {
            return new Standing(meanCosine, nearestCosine, id, strength, best, complete);
        }
        return strength > second ? new Standing(meanCosine, nearestCosine, bestAchievementId, best, strength, complete) : this;
    }
}
