package io.techbridge.listing.testing;

import io.techbridge.listing.duplicates.DuplicateConfig;
import jakarta.enterprise.inject.spi.CDI;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Precision and recall of a service's duplicate detector, with its configured thresholds
 * ({@code techbridge.duplicates.*}), on its labelled pairs; a service's {@code @QuarkusTest} extends
 * it and names its set, the service and how good the detector must stay.
 */
public abstract class DuplicateDetectorPrecision {

    private final String noun;
    private final DuplicateSetEvaluation evaluation;
    private final int minimumPairs;
    private final double minimumRecall;

    /**
     * @param noun          the records, in the lines printed: {@code achievement}
     * @param evaluation    the labelled set, as the service fingerprints its records
     * @param minimumPairs  fewest pairs the set must have
     * @param minimumRecall lowest recall over all pairs (precision must stay at 0.95, over all pairs
     *                      and on the held-out test half)
     */
    protected DuplicateDetectorPrecision(String noun, DuplicateSetEvaluation evaluation, int minimumPairs,
            double minimumRecall) {
        this.noun = noun;
        this.evaluation = evaluation;
        this.minimumPairs = minimumPairs;
        this.minimumRecall = minimumRecall;
    }

    @Test
    void detectorFindsTheLabelledDuplicatesWithoutFalseAlarmsOnTheTestSet() {
        DuplicateConfig config = config();
        List<String> mistakes = new ArrayList<>();
        Map<String, DuplicateSetEvaluation.Counts> counts = evaluation.evaluate(config.titleThreshold(),
                config.textThreshold(), mistakes);
        counts.forEach((split, c) -> System.out.println(noun + " duplicate detection, " + split + ": " + c));
        mistakes.forEach(m -> System.out.println("  wrong: " + m));

        DuplicateSetEvaluation.Counts all = counts.get("all");
        assertTrue(all.pairs() >= minimumPairs, "the labelled set has " + all.pairs() + " pairs");
        assertTrue(all.precision() >= 0.95, "precision " + all.precision() + ", wrong: " + mistakes);
        assertTrue(all.recall() >= minimumRecall, "recall " + all.recall() + ", wrong: " + mistakes);
        assertTrue(counts.get("test").precision() >= 0.95, "held-out precision, wrong: " + mistakes);
    }

    @Test
    void stopBucketsAmongAHundredThousandSimilarRecordsLoseNoLabelledDuplicate() {
        // The labelled records among 100,000 like the import benchmark's (the same common terms in
        // every title): buckets those fill beyond bucket-cap are skipped, as the index skips them.
        DuplicateConfig config = config();
        DuplicateSetEvaluation.Counts alone = evaluation.evaluate(config.titleThreshold(), config.textThreshold(),
                new ArrayList<>()).get("all");
        List<String> mistakes = new ArrayList<>();
        DuplicateSetEvaluation.Counts crowded = evaluation.evaluateAmongSimilarRecords(config.titleThreshold(),
                config.textThreshold(), config.bucketCap(), 100_000, mistakes).get("all");
        System.out.println(noun + " duplicate detection among 100,000 similar records, bucket-cap "
                + config.bucketCap() + ": " + crowded);
        mistakes.forEach(m -> System.out.println("  wrong: " + m));

        assertEquals(alone.truePositives(), crowded.truePositives(), "duplicates lost to stop buckets: " + mistakes);
        assertEquals(alone.falsePositives(), crowded.falsePositives(), "wrong: " + mistakes);
    }

    private static DuplicateConfig config() {
        return CDI.current().select(DuplicateConfig.class).get();
    }
}
