package io.techbridge.listing.duplicates;

import java.util.Set;

/**
 * What two records are compared by: the shingles of the title and of title + text (as sorted
 * hashes, {@link TextShingles#of}) and the normalised patent numbers (an achievement's; a demand
 * has none). The LSH buckets are computed once, when first asked for: a probe's are used by the
 * look-up, the comparison within its chunk and the index entries, a candidate's never.
 */
public final class Fingerprint {

    /** Band layout of the LSH index: title bands first, then text bands, two minhashes a band. */
    public static final int ROWS = 2;
    public static final int TITLE_BANDS = 16;
    public static final int TEXT_BANDS = 48;

    private final long[] title;
    private final long[] text;
    private final Set<String> patents;
    /** Computed when first asked for; a fingerprint is used by one thread, volatile only to be safe. */
    private volatile long[] buckets;

    private Fingerprint(long[] title, long[] text, Set<String> patents) {
        this.title = title;
        this.text = text;
        this.patents = patents;
    }

    /** A record without patents. */
    public static Fingerprint of(String title, String text) {
        return of(title, text, Set.of());
    }

    /** {@code patents}: the record's patent numbers as normalised keys (one key per patent, however written). */
    public static Fingerprint of(String title, String text, Set<String> patents) {
        return new Fingerprint(TextShingles.of(title), TextShingles.of(title + "\n" + (text == null ? "" : text)),
                patents == null ? Set.of() : patents);
    }

    /** The title's shingle hashes, sorted. */
    public long[] title() {
        return title;
    }

    /** The shingle hashes of title + text, sorted. */
    public long[] text() {
        return text;
    }

    public Set<String> patents() {
        return patents;
    }

    /** The LSH buckets, index i belonging to band i; empty without any text. */
    public long[] buckets() {
        if (buckets == null) {
            buckets = bucketsOf(title, text);
        }
        return buckets;
    }

    private static long[] bucketsOf(long[] title, long[] text) {
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
        return sharesBucketWith(other.buckets());
    }

    /** Whether these buckets (another record's) share one with this record's in some band. */
    public boolean sharesBucketWith(long[] theirs) {
        long[] mine = buckets();
        for (int i = 0; i < Math.min(mine.length, theirs.length); i++) {
            if (mine[i] == theirs[i] && mine[i] != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether the two name a patent in common. */
    public boolean sharesPatentWith(Fingerprint other) {
        Set<String> small = patents.size() <= other.patents.size() ? patents : other.patents;
        Set<String> large = small == patents ? other.patents : patents;
        for (String key : small) {
            if (large.contains(key)) {
                return true;
            }
        }
        return false;
    }
}
