package io.techbridge.listing.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * One uploaded file and how far its import has come: rows become records of {@code organisationId};
 * {@code uploaderOrganisationId} is the organisation of the user who uploaded it (the same, except
 * for an operator importing on an organisation's behalf).
 */
public record ImportJob(UUID id, String organisationId, String uploaderOrganisationId, String uploadedBy,
        String fileName, ImportFormat format, Status status, int total, int done, int imported, int failed,
        String failure, Instant createdAt, Instant startedAt, Instant finishedAt, boolean duplicatesConfirmed) {

    public enum Status { QUEUED, RUNNING, DONE, FAILED }

    /** A job whose uploader did not confirm near-duplicates (they are checked row by row). */
    public ImportJob(UUID id, String organisationId, String uploaderOrganisationId, String uploadedBy,
            String fileName, ImportFormat format, Status status, int total, int done, int imported, int failed,
            String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {
        this(id, organisationId, uploaderOrganisationId, uploadedBy, fileName, format, status, total, done, imported,
                failed, failure, createdAt, startedAt, finishedAt, false);
    }

    /**
     * Who uploads a file, for which organisation's records; {@code duplicatesConfirmed}: the uploader
     * knows of near-duplicates ({@code ?duplicates=confirmed}) and wants such rows imported anyway.
     */
    public record Importer(String organisationId, String uploaderOrganisationId, String uploadedBy,
            boolean duplicatesConfirmed) {

        public Importer(String organisationId, String uploaderOrganisationId, String uploadedBy) {
            this(organisationId, uploaderOrganisationId, uploadedBy, false);
        }

        public Importer withDuplicatesConfirmed(boolean confirmed) {
            return new Importer(organisationId, uploaderOrganisationId, uploadedBy, confirmed);
        }
    }
}
