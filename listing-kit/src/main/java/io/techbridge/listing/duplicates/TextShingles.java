package io.techbridge.listing.duplicates;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;

/**
 * The shingles two texts are compared by: the text is normalised (NFKC, so full-width letters and
 * digits become ASCII; lower case; punctuation and spaces dropped), every run of Chinese characters
 * gives its character bigrams (a run of one character itself), and every run of Latin letters and
 * digits counts as one word (common English function words left out). Bigrams suit Chinese, which has no spaces and mostly two-character
 * words; whole words suit English, whose letter bigrams would make any two texts look alike.
 * <p>
 * A shingle is kept as its 64-bit FNV-1a hash (of its UTF-8 bytes), a text as the sorted distinct
 * hashes: two texts are compared by merging two arrays instead of probing hash sets of strings,
 * and the MinHash signatures are computed from the same hashes. Two different shingles of one
 * comparison share a hash with a probability of about 10⁻¹⁶.
 */
public final class TextShingles {

    /** English words too common to tell two texts apart. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "by", "for", "from",
            "in", "is", "it", "of", "on", "or", "our", "the", "to", "we", "with");

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private TextShingles() {
    }

    /** The shingles' hashes, sorted ascending, each once. */
    public static long[] of(String text) {
        if (text == null) {
            return new long[0];
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        Collector shingles = new Collector(normalised.length());
        int previousHan = -1;
        int wordStart = -1;
        for (int i = 0; i < normalised.length(); ) {
            int cp = normalised.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (isHan(cp)) {
                shingles.word(normalised, wordStart, i);
                wordStart = -1;
                if (previousHan >= 0) {
                    shingles.add(feed(feed(FNV_OFFSET, previousHan), cp));
                } else if (next >= normalised.length() || !isHan(normalised.codePointAt(next))) {
                    // A run of one character is a shingle itself.
                    shingles.add(feed(FNV_OFFSET, cp));
                }
                previousHan = cp;
            } else {
                previousHan = -1;
                if (Character.isLetterOrDigit(cp)) {
                    if (wordStart < 0) {
                        wordStart = i;
                    }
                } else {
                    shingles.word(normalised, wordStart, i);
                    wordStart = -1;
                }
            }
            i = next;
        }
        shingles.word(normalised, wordStart, normalised.length());
        return shingles.sortedDistinct();
    }

    /** |a ∩ b| / |a ∪ b| of two sorted distinct hash arrays; 0 when both are empty. */
    public static double jaccard(long[] a, long[] b) {
        if (a.length == 0 && b.length == 0) {
            return 0;
        }
        int common = 0;
        int i = 0;
        int j = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                common++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / (a.length + b.length - common);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    /** FNV-1a over the UTF-8 bytes of one code point. */
    private static long feed(long hash, int cp) {
        if (cp < 0x80) {
            return step(hash, cp);
        }
        if (cp < 0x800) {
            return step(step(hash, 0xC0 | cp >> 6), 0x80 | cp & 0x3F);
        }
        if (cp < 0x10000) {
            return step(step(step(hash, 0xE0 | cp >> 12), 0x80 | cp >> 6 & 0x3F), 0x80 | cp & 0x3F);
        }
        return step(step(step(step(hash, 0xF0 | cp >> 18), 0x80 | cp >> 12 & 0x3F), 0x80 | cp >> 6 & 0x3F),
                0x80 | cp & 0x3F);
    }

    private static long step(long hash, int octet) {
        return (hash ^ (octet & 0xff)) * FNV_PRIME;
    }

    /** The hashes of a text's shingles as they are found. */
    private static final class Collector {
        private long[] hashes;
        private int size;

        Collector(int capacity) {
            hashes = new long[Math.max(4, capacity)];
        }

        void add(long hash) {
            if (size == hashes.length) {
                hashes = Arrays.copyOf(hashes, size * 2);
            }
            hashes[size++] = hash;
        }

        /** The word {@code text[start, end)}, unless there is none or it is a stop word. */
        void word(String text, int start, int end) {
            if (start < 0 || start == end) {
                return;
            }
            String word = text.substring(start, end);
            if (STOP_WORDS.contains(word)) {
                return;
            }
            long hash = FNV_OFFSET;
            for (int i = 0; i < word.length(); ) {
                int cp = word.codePointAt(i);
                hash = feed(hash, cp);
                i += Character.charCount(cp);
            }
            add(hash);
        }

        long[] sortedDistinct() {
            long[] sorted = Arrays.copyOf(hashes, size);
            Arrays.sort(sorted);
            int distinct = 0;
            for (int i = 0; i < sorted.length; i++) {
                if (i == 0 || sorted[i] != sorted[i - 1]) {
                    sorted[distinct++] = sorted[i];
                }
            }
            return Arrays.copyOf(sorted, distinct);
        }
    }
}
