package io.techbridge.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.achievement.duplicates.AchievementIndex;
import io.techbridge.listing.duplicates.DuplicateRules;
import io.techbridge.listing.duplicates.Fingerprint;
import io.techbridge.listing.duplicates.TextShingles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiPredicate;

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
        return evaluate(set, fingerprints(set), Fingerprint::sharesBucketWith, titleThreshold, textThreshold, mistakes);
    }

    /**
     * {@link #evaluate} with the labelled records registered among {@code background} similar ones
     * (half made as the import benchmark's rows are: common technical terms and kinds of result;
     * half look-alikes of the labelled ones: their beginning and end, random characters between) and
     * the index's stop buckets: a pair is offered only by a shared bucket that holds at most
     * {@code bucketCap} records of all of them.
     */
    static Map<String, Counts> evaluateAmongSimilarRecords(double titleThreshold, double textThreshold, int bucketCap,
            int background, List<String> mistakes) {
        JsonNode set = load();
        Map<String, Fingerprint> fingerprints = fingerprints(set);
        // Only the population of the labelled records' buckets matters; the background's own are not kept.
        Map<String, Integer> population = new HashMap<>();
        fingerprints.values().forEach(f -> {
            long[] of = f.buckets();
            for (int band = 0; band < of.length; band++) {
                population.merge(band + ":" + of[band], 1, Integer::sum);
            }
        });
        List<String[]> records = new ArrayList<>();
        set.path("records").forEach(r -> records.add(new String[] {r.path("title").asText(), r.path("text").asText()}));
        Random random = new Random(20261124);
        for (int n = 0; n < background; n++) {
            long[] of;
            if (n % 2 == 0) {
                List<String> row = ImportSheets.distinctRow(random, n);
                of = Fingerprint.of(row.get(ImportSheets.HEADER.indexOf("*成果名称")),
                        row.get(ImportSheets.HEADER.indexOf("成果简介"))).buckets();
            } else {
                String[] like = records.get(random.nextInt(records.size()));
                of = Fingerprint.of(lookAlike(random, like[0], 3), lookAlike(random, like[1], 6)).buckets();
            }
            for (int band = 0; band < of.length; band++) {
                population.computeIfPresent(band + ":" + of[band], (k, count) -> count + 1);
            }
        }
        System.out.printf("%d of the labelled records' %d buckets hold more than %d records among %d similar ones%n",
                population.values().stream().filter(count -> count > bucketCap).count(), population.size(), bucketCap,
                background);
        BiPredicate<Fingerprint, Fingerprint> offered = (a, b) -> {
            long[] mine = a.buckets();
            long[] theirs = b.buckets();
            for (int band = 0; band < Math.min(mine.length, theirs.length); band++) {
                if (mine[band] != 0 && mine[band] == theirs[band] && population.get(band + ":" + mine[band]) <= bucketCap) {
                    return true;
                }
            }
            return false;
        };
        return evaluate(set, fingerprints, offered, titleThreshold, textThreshold, mistakes);
    }

    /**
     * A text that starts and ends as {@code text} does ({@code kept} characters each) with random
     * characters between: many of them crowd exactly the buckets of the labelled record's
     * beginning and end, as records sharing its common words would.
     */
    private static String lookAlike(Random random, String text, int kept) {
        int[] cps = text.codePoints().toArray();
        if (cps.length <= 2 * kept) {
            return text;
        }
        return new String(cps, 0, kept) + ImportSheets.randomHan(random, cps.length - 2 * kept)
                + new String(cps, cps.length - kept, kept);
    }

    private static Map<String, Fingerprint> fingerprints(JsonNode set) {
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        set.path("records").properties().forEach(e -> {
            List<String> patents = new ArrayList<>();
            e.getValue().path("patentNumbers").forEach(p -> patents.add(p.asText()));
            fingerprints.put(e.getKey(), AchievementIndex.fingerprint(e.getValue().path("title").asText(),
                    e.getValue().path("text").asText(), patents));
        });
        return fingerprints;
    }

    /** A pair is found when the two name a patent in common, or when the index offers b (by {@code offered}) and the rules judge them alike. */
    private static Map<String, Counts> evaluate(JsonNode set, Map<String, Fingerprint> fingerprints,
            BiPredicate<Fingerprint, Fingerprint> offered, double titleThreshold, double textThreshold,
            List<String> mistakes) {
        Map<String, Counts> counts = new HashMap<>();
        Counts empty = new Counts(0, 0, 0, 0);
        for (JsonNode pair : set.path("pairs")) {
            Fingerprint a = fingerprints.get(pair.path("a").asText());
            Fingerprint b = fingerprints.get(pair.path("b").asText());
            DuplicateRules.Verdict verdict = DuplicateRules.judge(a, b, titleThreshold, textThreshold);
            boolean found = a.sharesPatentWith(b) || (offered.test(a, b) && verdict.duplicate());
            boolean duplicate = pair.path("duplicate").asBoolean();
            String split = pair.path("split").asText();
            counts.merge(split, empty.plus(duplicate, found), (x, y) -> x.plus(duplicate, found));
            counts.merge("all", empty.plus(duplicate, found), (x, y) -> x.plus(duplicate, found));
            if (duplicate != found) {
                mistakes.add(String.format("%s %s~%s (%s): labelled %s, title %.3f, text %.3f, reasons %s, bucket shared %s",
                        split, pair.path("a").asText(), pair.path("b").asText(), pair.path("kind").asText(),
                        duplicate ? "duplicate" : "different", TextShingles.jaccard(a.title(), b.title()),
                        TextShingles.jaccard(a.text(), b.text()), verdict.reasons(), offered.test(a, b)));
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
