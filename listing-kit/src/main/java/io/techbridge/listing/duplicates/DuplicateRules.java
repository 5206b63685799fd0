package io.techbridge.listing.duplicates;

import java.util.ArrayList;
import java.util.List;

/**
 * The exact comparison of two records, after the index offered one as a candidate for the other:
 * the same patent, or titles or title + text alike beyond the thresholds.
 */
public final class DuplicateRules {

    private DuplicateRules() {
    }

    /** The outcome for one pair: the reasons (empty: not a duplicate) and the similarity shown to the user. */
    public record Verdict(List<DuplicateReason> reasons, double similarity) {

        public boolean duplicate() {
            return !reasons.isEmpty();
        }
    }

    public static Verdict judge(Fingerprint probe, Fingerprint candidate, double titleThreshold, double textThreshold) {
        List<DuplicateReason> reasons = new ArrayList<>();
        boolean samePatent = probe.sharesPatentWith(candidate);
        if (samePatent) {
            reasons.add(DuplicateReason.SAME_PATENT);
        }
        double title = TextShingles.jaccard(probe.title(), candidate.title());
        double text = TextShingles.jaccard(probe.text(), candidate.text());
        if (title >= titleThreshold) {
            reasons.add(DuplicateReason.SIMILAR_TITLE);
        }
        if (text >= textThreshold) {
            reasons.add(DuplicateReason.SIMILAR_TEXT);
        }
        double similarity = samePatent ? 1.0 : Math.max(title, text);
        return new Verdict(List.copyOf(reasons), Math.round(similarity * 1000) / 1000.0);
    }
}
