package io.techbridge.commons.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file and how far its import has come: rows become records of {@code organisationId};
 * {@code uploaderOrganisationId} is the organisation of the user who uploaded it (the same, except
 * for an operator importing on an organisation's behalf).
 */
public record ImportJob(UUID id, String organisationId, String uploaderOrganisationId, String uploadedBy,
        String fileName, ImportFormat format, Status status, int total, int done, int imported, int failed,
        String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** Who uploads a file, for which organisation's records. */
    public record Importer(String organisationId, String uploaderOrganisationId, String uploadedBy) {
    }
}
