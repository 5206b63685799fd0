package io.techbridge.listing.duplicates;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How near-duplicates are found (techbridge.duplicates.*). */
@ConfigMapping(prefix = "techbridge.duplicates")
public interface DuplicateConfig {

    /** Jaccard similarity of the title bigrams from which two titles count as the same (SIMILAR_TITLE). */
    @WithDefault("0.6")
    double titleThreshold();

    /** Jaccard similarity of the title + summary bigrams from which two texts count as the same (SIMILAR_TEXT). */
    @WithDefault("0.2")
    double textThreshold();

    /** Most candidates shown to the user, most similar first. */
    @WithDefault("5")
    int maxCandidates();

    /** Most index hits (those sharing the most LSH buckets) that are compared exactly. */
    @WithDefault("200")
    int shortlist();

    /**
     * An LSH bucket holding more records than this is a stop bucket: look-ups skip it. Such a
     * bucket collects the records that share only common words, so it tells nothing about
     * near-duplicates but would make every look-up read and rank all of its records.
     */
    @WithDefault("100")
    int bucketCap();

    /** Most candidates whose comparable content an import job keeps from chunk to chunk (the same ones recur). */
    @WithDefault("20000")
    int importCacheSize();

    /** How often records without index entries (written before the index existed) are indexed. */
    @WithDefault("1h")
    Duration backfillInterval();

    /** Records indexed per backfill transaction. */
    @WithDefault("500")
    int backfillBatchSize();
}
