package io.techbridge.listing.duplicates;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The shingles and LSH buckets of texts. The index in PostgreSQL holds buckets written by earlier
 * versions, so a bucket must never change: the expected values are those the string-set version
 * of {@link TextShingles} and {@link MinHash} computed.
 */
class ShingleHashesTest {

    @Test
    void bucketsAreThoseTheIndexWasWrittenWith() {
        assertBuckets("高导热石墨烯复合散热膜制备技术", 14,
                -5775755244938622096L, 2172937564675097816L, 8028447386671940943L, -2595255395497805677L);
        // Full-width letters, English words (function words dropped), characters beyond the BMP.
        assertBuckets("一种锂电池正极材料的制备方法\n采用溶胶凝胶法，ＡＢＣ全角 and the Graphene-based film of 2024; 𠀀𠀁 extension B", 28,
                2622698603399688841L, 8321495965918183529L, -430527904132527752L, -4557835560647841591L);
        assertBuckets("Machine vision for the inspection of welds", 4,
                -1665692923426719818L, 507755289599487477L, -6530924918989628336L, -7069431514816187818L);
        // A run of one Chinese character is a shingle itself.
        assertBuckets("石", 1, -2774829279337379812L, 470617575280609539L, -3061783299894321475L, 4520576552525343337L);
        assertBuckets("a the of", 0);
        assertBuckets("", 0);
        assertEquals(0, TextShingles.of(null).length);
    }

    @Test
    void jaccardOfTheSortedHashesIsThatOfTheShingleSets() {
        // {高导 导热 热石 石墨 墨烯 烯复 复合 合散 散热 热膜 膜制 制备 备技 技术} against a reordered title: 7 of 14.
        assertEquals(0.5, TextShingles.jaccard(TextShingles.of("高导热石墨烯复合散热膜制备技术"),
                TextShingles.of("石墨烯散热膜的高导热制备技术")));
        assertEquals(1.0, TextShingles.jaccard(TextShingles.of("散热膜，散热膜"), TextShingles.of("散热膜")));
        assertEquals(0.0, TextShingles.jaccard(new long[0], new long[0]));
        assertEquals(0.0, TextShingles.jaccard(TextShingles.of("石墨烯"), new long[0]));
    }

    private static void assertBuckets(String text, int shingles, long... buckets) {
        long[] hashes = TextShingles.of(text);
        assertEquals(shingles, hashes.length, text);
        for (int i = 1; i < hashes.length; i++) {
            assertEquals(true, hashes[i - 1] < hashes[i], "sorted and distinct: " + text);
        }
        assertArrayEquals(buckets, MinHash.bucketsOf(hashes, 0, 4, 2), text);
    }
}
