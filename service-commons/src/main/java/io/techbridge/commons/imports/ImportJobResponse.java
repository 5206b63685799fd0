package io.techbridge.commons.imports;

import java.time.Instant;
import java.util.UUID;

/** The progress of an import, for a progress bar: {@code done} of {@code total} rows, of which imported and failed. */
public record ImportJobResponse(UUID id, ImportJob.Status status, String fileName, ImportFormat format,
        int total, int done, int imported, int failed, String failure,
        Instant createdAt, Instant startedAt, Instant finishedAt) {

    public static ImportJobResponse of(ImportJob job) {
        return new ImportJobResponse(job.id(), job.status(), job.fileName(), job.format(), job.total(), job.done(),
                job.imported(), job.failed(), job.failure(), job.createdAt(), job.startedAt(), job.finishedAt());
    }
}
