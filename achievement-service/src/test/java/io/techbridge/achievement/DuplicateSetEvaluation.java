package io.techbridge.achievement;

import io.techbridge.commons.duplicates.TextShingles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.achievement.duplicates.DuplicateRules;
import io.techbridge.achievement.duplicates.Fingerprint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Precision and recall of the duplicate detector on the labelled pairs of
 * {@code src/test/resources/duplicates/achievement-pairs.json}. A pair counts as found when the
 * service would report b to someone registering a: the same patent, or b offered by the LSH index
 * (a shared band bucket) and judged alike by {@link DuplicateRules} with the given thresholds.
 * {@code main} prints the figures and every wrong decision (to tune the thresholds on the dev split).
 */
final class DuplicateSetEvaluation {

    static final String RESOURCE = "/duplicates/achievement-pairs.json";

    private DuplicateSetEvaluation() {
    }

    record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        int pairs() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        double recall() {
            return truePositives + falseNegatives == 0 ? 1 : (double) truePositives / (truePositives + falseNegatives);
        }

        Counts plus(boolean duplicate, boolean found) {
            return new Counts(truePositives + (duplicate && found ? 1 : 0), falsePositives + (!duplicate && found ? 1 : 0),
                    falseNegatives + (duplicate && !found ? 1 : 0), trueNegatives + (!duplicate && !found ? 1 : 0));
        }

        @Override
        public String toString() {
            return String.format("%d pairs: precision %.3f, recall %.3f (TP %d, FP %d, FN %d, TN %d)", pairs(), precision(),
                    recall(), truePositives, falsePositives, falseNegatives, trueNegatives);
        }
    }

    /** Counts per split ("dev", "test") and over all pairs ("all"); {@code mistakes} collects the wrong decisions. */
    static Map<String, Counts> evaluate(double titleThreshold, double textThreshold, List<String> mistakes) {
        JsonNode set = load();
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        set.path("records").properties().forEach(e -> {
            List<String> patents = new ArrayList<>();
            e.getValue().path("patentNumbers").forEach(p -> patents.add(p.asText()));
            fingerprints.put(e.getKey(), Fingerprint.of(e.getValue().path("title").asText(),
                    e.getValue().path("text").asText(), patents));
        });
        Map<String, Counts> counts = new HashMap<>();
        Counts empty = new Counts(0, 0, 0, 0);
        for (JsonNode pair : set.path("pairs")) {
            Fingerprint a = fingerprints.get(pair.path("a").asText());
            Fingerprint b = fingerprints.get(pair.path("b").asText());
            DuplicateRules.Verdict verdict = DuplicateRules.judge(a, b, titleThreshold, textThreshold);
            boolean samePatent = a.patents().stream().anyMatch(b.patents()::contains);
            boolean found = samePatent || (a.sharesBucketWith(b) && verdict.duplicate());
            boolean duplicate = pair.path("duplicate").asBoolean();
            String split = pair.path("split").asText();
            counts.merge(split, empty.plus(duplicate, found), (x, y) -> x.plus(duplicate, found));
            counts.merge("all", empty.plus(duplicate, found), (x, y) -> x.plus(duplicate, found));
            if (duplicate != found) {
                mistakes.add(String.format("%s %s~%s (%s): labelled %s, title %.3f, text %.3f, reasons %s, bucket shared %s",
                        split, pair.path("a").asText(), pair.path("b").asText(), pair.path("kind").asText(),
                        duplicate ? "duplicate" : "different", TextShingles.jaccard(a.title(), b.title()),
                        TextShingles.jaccard(a.text(), b.text()), verdict.reasons(), a.sharesBucketWith(b)));
            }
        }
        return counts;
    }

    private static JsonNode load() {
        try (InputStream in = DuplicateSetEvaluation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code main [titleThreshold textThreshold]}: the figures and the wrong decisions. */
    public static void main(String[] args) {
        double title = args.length > 0 ? Double.parseDouble(args[0]) : 0.6;
        double text = args.length > 1 ? Double.parseDouble(args[1]) : 0.4;
        List<String> mistakes = new ArrayList<>();
        Map<String, Counts> counts = evaluate(title, text, mistakes);
        counts.forEach((split, c) -> System.out.println(split + ": " + c));
        mistakes.forEach(System.out::println);
    }
}
