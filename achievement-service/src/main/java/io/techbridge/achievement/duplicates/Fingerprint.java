package io.techbridge.achievement.duplicates;

import io.techbridge.commons.duplicates.MinHash;
import io.techbridge.commons.duplicates.TextShingles;
import java.util.List;
import java.util.Set;

/** What two records are compared by: the shingles of the title, of title + text, and the patent keys. */
public record Fingerprint(Set<String> title, Set<String> text, Set<String> patents) {

    /** Band layout of the LSH index: title bands first, then text bands, two minhashes a band. */
    public static final int ROWS = 2;
    public static final int TITLE_BANDS = 16;
    public static final int TEXT_BANDS = 48;

    public static Fingerprint of(String title, String text, List<String> patentNumbers) {
        return new Fingerprint(TextShingles.of(title), TextShingles.of(title + "\n" + (text == null ? "" : text)),
                PatentNumbers.keys(patentNumbers));
    }

    /** The LSH buckets, index i belonging to band i. */
    public long[] buckets() {
        long[] titleBuckets = MinHash.bucketsOf(title, 0, TITLE_BANDS, ROWS);
        long[] textBuckets = MinHash.bucketsOf(text, TITLE_BANDS, TEXT_BANDS, ROWS);
        long[] all = new long[TITLE_BANDS + TEXT_BANDS];
        boolean hasTitle = titleBuckets.length > 0;
        boolean hasText = textBuckets.length > 0;
        if (!hasTitle && !hasText) {
            return new long[0];
        }
        if (hasTitle) {
            System.arraycopy(titleBuckets, 0, all, 0, TITLE_BANDS);
        }
        if (hasText) {
            System.arraycopy(textBuckets, 0, all, TITLE_BANDS, TEXT_BANDS);
        }
        return all;
    }

    /** Whether the two share an LSH bucket in some band, i.e. the index would offer one for the other. */
    public boolean sharesBucketWith(Fingerprint other) {
        long[] mine = buckets();
        long[] theirs = other.buckets();
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            if (mine[i] == theirs[i] && mine[i] != 0) {
                return true;
            }
        }
        return false;
    }
}
