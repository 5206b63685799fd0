package io.techbridge.commons.duplicates;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The shingles two texts are compared by: the text is normalised (NFKC, so full-width letters and
 * digits become ASCII; lower case; punctuation and spaces dropped), every run of Chinese characters
 * gives its character bigrams (a run of one character itself), and every run of Latin letters and
 * digits counts as one word (common English function words left out). Bigrams suit Chinese, which has no spaces and mostly two-character
 * words; whole words suit English, whose letter bigrams would make any two texts look alike.
 */
public final class TextShingles {

    /** English words too common to tell two texts apart. */
    private static final Set<String> STOP_WORDS = Set.of("a", "an", "and", "are", "as", "at", "by", "for", "from",
            "in", "is", "it", "of", "on", "or", "our", "the", "to", "we", "with");

    private TextShingles() {
    }

    public static Set<String> of(String text) {
        Set<String> shingles = new HashSet<>();
        if (text == null) {
            return shingles;
        }
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder han = new StringBuilder();
        StringBuilder word = new StringBuilder();
        normalised.codePoints().forEach(cp -> {
            if (isHan(cp)) {
                flushWord(word, shingles);
                han.appendCodePoint(cp);
            } else if (Character.isLetterOrDigit(cp)) {
                flushHan(han, shingles);
                word.appendCodePoint(cp);
            } else {
                flushHan(han, shingles);
                flushWord(word, shingles);
            }
        });
        flushHan(han, shingles);
        flushWord(word, shingles);
        return shingles;
    }

    /** |a ∩ b| / |a ∪ b|; 0 when both are empty. */
    public static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int common = 0;
        for (String s : small) {
            if (large.contains(s)) {
                common++;
            }
        }
        return (double) common / (a.size() + b.size() - common);
    }

    private static boolean isHan(int cp) {
        return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
    }

    private static void flushHan(StringBuilder han, Set<String> shingles) {
        int[] cps = han.codePoints().toArray();
        if (cps.length == 1) {
            shingles.add(new String(cps, 0, 1));
        }
        for (int i = 0; i + 1 < cps.length; i++) {
            shingles.add(new String(cps, i, 2));
        }
        han.setLength(0);
    }

    private static void flushWord(StringBuilder word, Set<String> shingles) {
        if (!word.isEmpty()) {
            String w = word.toString();
            if (!STOP_WORDS.contains(w)) {
                shingles.add(w);
            }
            word.setLength(0);
        }
    }
}
