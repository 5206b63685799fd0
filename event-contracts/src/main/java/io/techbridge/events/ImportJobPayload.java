package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * A bulk import of achievements or demands that ended, on {@code import-events} (aggregate type
 * {@code ImportJob}, key and aggregate id the job id, one event per job, version 1), published by
 * the listing service that ran it, so the importing organisation can be told.
 * <p>
 * {@code listingType} is {@code ACHIEVEMENT} or {@code DEMAND}; {@code organisationId} the
 * organisation the rows were imported for, {@code uploaderOrganisationId} the one whose user
 * uploaded the file (another only when an operator imports on its behalf); {@code status} the job's
 * final status as the API shows it: {@code DONE} (every row was tried; {@code rowsFailed} of them
 * are in the error report) or {@code FAILED} (the file could not be worked on, {@code failure} says
 * why); {@code duplicatesConfirmed} when the upload said {@code ?duplicates=confirmed}. Who
 * uploaded it is not carried: a login name may be an e-mail address.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ImportJobPayload(
        String id,
        long version,
        String listingType,
        String organisationId,
        String uploaderOrganisationId,
        String fileName,
        String format,
        String status,
        int rowsTotal,
        int rowsImported,
        int rowsFailed,
        boolean duplicatesConfirmed,
        String failure,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt) implements EventPayload {

    public static final String AGGREGATE_TYPE = "ImportJob";
    public static final String FINISHED = "ImportJobFinished";

    public static final List<String> TYPES = List.of(FINISHED);
}
