package io.techbridge.listing.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Precision and recall of the duplicate detector on a set of labelled pairs (a test resource such
 * as {@code /duplicates/achievement-pairs.json}: {@code records} by key with {@code title} and
 * {@code text}, {@code pairs} with {@code a}, {@code b}, {@code duplicate}, {@code split} and
 * {@code kind}). A pair counts as found when the service would report b to someone creating a: the
 * same patent, or b offered by the LSH index (a shared band bucket) and judged alike by
 * {@link DuplicateRules} with the given thresholds.
 */
public final class DuplicateSetEvaluation {

    private final String resource;
    private final Function<JsonNode, Fingerprint> fingerprint;
    private final BiFunction<Random, Integer, String[]> registryRecord;

    /**
     * @param resource       the labelled set, a class-path resource
     * @param fingerprint    what a labelled record is compared by, as the service computes it
     * @param registryRecord the title and text of record {@code n} of a registry, as the import
     *                       benchmark makes its rows ({@link #evaluateAmongSimilarRecords})
     */
    public DuplicateSetEvaluation(String resource, Function<JsonNode, Fingerprint> fingerprint,
            BiFunction<Random, Integer, String[]> registryRecord) {
        this.resource = resource;
        this.fingerprint = fingerprint;
        this.registryRecord = registryRecord;
    }

    public String resource() {
        return resource;
    }

    public record Counts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

        public int pairs() {
            return truePositives + falsePositives + falseNegatives + trueNegatives;
        }

        public double precision() {
            return truePositives + falsePositives == 0 ? 1 : (double) truePositives / (truePositives + falsePositives);
        }

        public double recall() {
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
    public Map<String, Counts> evaluate(double titleThreshold, double textThreshold, List<String> mistakes) {
        JsonNode set = load();
        return evaluate(set, fingerprints(set), Fingerprint::sharesBucketWith, titleThreshold, textThreshold, mistakes);
    }

    /**
     * {@link #evaluate} with the labelled records stored among {@code background} similar ones
     * (half made as the import benchmark's rows are: common technical terms and kinds of result;
     * half look-alikes of the labelled ones: their beginning and end, random characters between) and
     * the index's stop buckets: a pair is offered only by a shared bucket that holds at most
     * {@code bucketCap} records of all of them.
     */
    public Map<String, Counts> evaluateAmongSimilarRecords(double titleThreshold, double textThreshold, int bucketCap,
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
                String[] record = registryRecord.apply(random, n);
                of = Fingerprint.of(record[0], record[1]).buckets();
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
        return new String(cps, 0, kept) + SheetFiles.randomHan(random, cps.length - 2 * kept)
                + new String(cps, cps.length - kept, kept);
    }

    private Map<String, Fingerprint> fingerprints(JsonNode set) {
        Map<String, Fingerprint> fingerprints = new HashMap<>();
        set.path("records").properties().forEach(e -> fingerprints.put(e.getKey(), fingerprint.apply(e.getValue())));
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

    private JsonNode load() {
        try (InputStream in = DuplicateSetEvaluation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test resources");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
