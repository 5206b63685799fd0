package io.techbridge.listing.imports;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Limits and pace of spreadsheet imports ({@code techbridge.import.*}), the same for every service that imports. */
@ConfigMapping(prefix = "techbridge.import")
public interface ImportConfig {

    /** Largest file accepted, in bytes; a larger one gets 413. */
    @WithDefault("20971520")
    long maxFileBytes();

    /** Most data rows in one file; more gets 400 before anything is stored. */
    @WithDefault("20000")
    int maxRows();

    /**
     * Uploads read at once; more get 503 with Retry-After before their body is read. Each takes up to a
     * few times {@link #maxFileBytes()} of heap while it is read and checked.
     */
    @WithDefault("2")
    int maxConcurrentUploads();

    /** Rows the worker handles per round before it renews its lease and looks again. */
    @WithDefault("500")
    int batchSize();

    /**
     * Rows stored in one transaction (each row validated first). A chunk that fails as a whole is
     * redone row by row, so a row that cannot be stored never takes the good rows with it.
     */
    @WithDefault("100")
    int chunkSize();

    /** How long a job stays with the worker that holds it; a crashed worker's job is taken over after it. */
    @WithDefault("2M")
    Duration lease();

    /** How often the worker looks for a new job when it was not woken by an upload. */
    @WithDefault("5S")
    Duration idlePoll();
}
