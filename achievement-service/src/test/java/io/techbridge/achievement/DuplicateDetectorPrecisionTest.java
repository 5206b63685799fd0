package io.techbridge.achievement;

import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.achievement.duplicates.AchievementIndex;
import io.techbridge.listing.testing.DuplicateDetectorPrecision;
import io.techbridge.listing.testing.DuplicateSetEvaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Precision and recall of the duplicate detector, with the service's configured thresholds, on the
 * labelled pairs of src/test/resources/duplicates/achievement-pairs.json (figures in the README).
 * Measured: precision 1.000 and recall 1.000 on all 115 pairs; the margin allows a changed pair or two.
 */
@QuarkusTest
@RealServers
class DuplicateDetectorPrecisionTest extends DuplicateDetectorPrecision {

    DuplicateDetectorPrecisionTest() {
        super("achievement", labelledPairs(), 100, 0.95);
    }

    /** The labelled set as the service fingerprints achievements: title, summary (text), patent numbers. */
    static DuplicateSetEvaluation labelledPairs() {
        return new DuplicateSetEvaluation("/duplicates/achievement-pairs.json", record -> {
            List<String> patents = new ArrayList<>();
            record.path("patentNumbers").forEach(p -> patents.add(p.asText()));
            return AchievementIndex.fingerprint(record.path("title").asText(), record.path("text").asText(), patents);
        }, (random, n) -> {
            List<String> row = ImportSheets.distinctRow(random, n);
            return new String[] {row.get(ImportSheets.HEADER.indexOf("*成果名称")),
                    row.get(ImportSheets.HEADER.indexOf("成果简介"))};
        });
    }
}
