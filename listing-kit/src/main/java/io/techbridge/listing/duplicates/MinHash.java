package io.techbridge.listing.duplicates;

/**
 * MinHash signatures cut into LSH bands: two shingle sets with Jaccard similarity s share at least
 * one band bucket with probability 1 − (1 − s^rows)^bands, so the index finds similar records by
 * equality look-ups instead of comparing a new record with all of them. The hash functions are
 * fixed (seeded), so buckets written today still match the ones computed after a restart.
 */
public final class MinHash {

    private MinHash() {
    }

    /**
     * The bucket of each band, {@code bands} of {@code rows} hash functions each; band numbers
     * start at {@code firstBand} so that several signatures can share one table. {@code base} holds
     * the hashes of the shingles ({@link TextShingles#of}). Empty for an empty set.
     */
    public static long[] bucketsOf(long[] base, int firstBand, int bands, int rows) {
        if (base.length == 0) {
            return new long[0];
        }
        long[] buckets = new long[bands];
        for (int band = 0; band < bands; band++) {
            long bucket = mix(firstBand + band + 0x9E3779B97F4A7C15L);
            for (int row = 0; row < rows; row++) {
                long seed = mix(((long) (firstBand + band) << 16) ^ row ^ 0x5DEECE66DL);
                long min = Long.MAX_VALUE;
                for (long b : base) {
                    long h = mix(b ^ seed);
                    if (Long.compareUnsigned(h, min) < 0) {
                        min = h;
                    }
                }
                bucket = mix(bucket * 31 + min);
            }
            buckets[band] = bucket;
        }
        return buckets;
    }

    /** SplitMix64 finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
