package io.techbridge.listing.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * The progress of an import, for a progress bar: {@code done} of {@code total} rows, of which imported
 * and failed (a row refused as a possible duplicate counts as failed); {@code duplicatesConfirmed}
 * when the upload said {@code ?duplicates=confirmed}; {@code organisationId} the organisation the rows
 * are registered for, {@code uploadedBy} who sent the file.
 */
public record ImportJobResponse(UUID id, ImportJob.Status status, String fileName, ImportFormat format,
        int total, int done, int imported, int failed, String failure,
        Instant createdAt, Instant startedAt, Instant finishedAt, boolean duplicatesConfirmed,
        String organisationId, String uploadedBy) {

    public static ImportJobResponse of(ImportJob job) {
        return new ImportJobResponse(job.id(), job.status(), job.fileName(), job.format(), job.total(), job.done(),
                job.imported(), job.failed(), job.failure(), job.createdAt(), job.startedAt(), job.finishedAt(),
                job.duplicatesConfirmed(), job.organisationId(), job.uploadedBy());
    }
}
