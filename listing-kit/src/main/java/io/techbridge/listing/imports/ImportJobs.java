package io.techbridge.listing.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.work.AfterCommit;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriBuilder;

import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts an uploaded file as an import job once its header and size are right (nothing is stored
 * otherwise), and answers who may follow a job: the organisation the rows are for, the uploading
 * organisation, brokers and admins (anyone else logged in: 404).
 *
 * @param <T> the enum of the columns of the sheet
 */
public final class ImportJobs<T extends Enum<T> & ImportColumn> {

    private static final String WHAT = "import";

    private final ImportJobStore store;
    private final Caller caller;
    private final ImportConfig config;
    private final ImportColumns.Schema<T> schema;
    private final Runnable queued;

    /** {@code queued} is told of each accepted job (to wake the worker). */
    public ImportJobs(ImportJobStore store, Caller caller, ImportConfig config, ImportColumns.Schema<T> schema,
            Runnable queued) {
        this.store = store;
        this.caller = caller;
        this.config = config;
        this.schema = schema;
        this.queued = queued;
    }

    public ImportJobResponse accept(ImportJob.Importer importer, ImportFormat format, String fileName,
            byte[] content) {
        Spreadsheet sheet;
        try {
            sheet = Spreadsheet.read(format, content, config.maxRows());
        } catch (Spreadsheet.UnreadableException e) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "unreadable-file", "Unreadable file",
                    e.getMessage()));
        }
        if (sheet.header().isEmpty()) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid file",
                    "the file has no header row"));
        }
        ImportColumns.Result<T> columns = schema.read(sheet.header());
        if (columns.problem() != null) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid file",
                            columns.problem().message())
                    .withViolations(columns.problem().columns().stream()
                            .map(c -> new Problem.Violation(c, "header", "KnownRequiredColumns",
                                    columns.problem().message()))
                            .toList()));
        }
        if (sheet.rowCount() == 0) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid file",
                    "the file has a header but no data rows"));
        }
        if (sheet.rowCount() > config.maxRows()) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "too-many-rows", "Too many rows",
                            "the file has " + sheet.rowCount() + " data rows; at most " + config.maxRows()
                                    + " can be imported at once, split the file")
                    .withContext(Map.of("rows", sheet.rowCount(), "maxRows", config.maxRows())));
        }
        String name = fileName == null || fileName.isBlank() ? null
                : fileName.strip().substring(0, Math.min(fileName.strip().length(), 255));
        // Joins the transaction of an upload with an Idempotency-Key, so the job and the key commit together.
        ImportJob job = QuarkusTransaction.joiningExisting()
                .call(() -> store.create(importer, format, name, content, sheet.rows().size()));
        AfterCommit.run(queued);
        return ImportJobResponse.of(job);
    }

    /**
     * An upload (the raw request body, its format by Content-Type): read up to the size limit, then
     * {@link #accept}ed. 202 with the job, its Location the job's id under {@code jobs}.
     */
    public Response upload(ImportJob.Importer importer, InputStream body, MediaType contentType, String fileName,
            UriBuilder jobs) {
        byte[] content = ImportHttp.readAtMost(body, maxFileBytes(), this::tooLarge);
        ImportJobResponse job = accept(importer, ImportHttp.formatOf(contentType), fileName, content);
        return Response.accepted(job).location(jobs.path(job.id().toString()).build()).build();
    }

    /** The error report of a job, as CSV or JSON ({@link ImportHttp#errorReport}). */
    public Response errorReport(UUID id, HttpHeaders headers) {
        return ImportHttp.errorReport(id, errors(id), headers);
    }

    /** 413 problem for a file over the limit (the upload is read only up to it). */
    public ProblemException tooLarge() {
        return new ProblemException(Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "file-too-large", "File too large",
                        "the file is larger than " + config.maxFileBytes() + " bytes; split it")
                .withContext(Map.of("maxBytes", config.maxFileBytes())));
    }

    public long maxFileBytes() {
        return config.maxFileBytes();
    }

    public ImportJobResponse get(UUID id) {
        return ImportJobResponse.of(visible(id));
    }

    /**
     * The newest imports: brokers and admins those of every organisation (or of the one they name),
     * others their own organisation's.
     */
    public List<ImportJobResponse> recent(String organisationId, int limit) {
        caller.requireAuthenticated();
        String scope = caller.seesEverything() ? organisationId : caller.requireOrganisation();
        return QuarkusTransaction.joiningExisting().call(() -> store.recent(scope, limit)).stream()
                .map(ImportJobResponse::of).toList();
    }

    /** A list's length as asked for: 1–100, 20 when not given. */
    public static int limit(String value) {
        return QueryParameters.wholeNumber("limit", value, 1, 100, 20);
    }

    /** The report of the rows that were not imported, by row number. */
    public List<ImportErrorResponse> errors(UUID id) {
        visible(id);
        return QuarkusTransaction.joiningExisting().call(() -> store.errors(id));
    }

    /** Logged-in callers only; a job of another organisation is answered as if it did not exist. */
    private ImportJob visible(UUID id) {
        caller.requireAuthenticated();
        ImportJob job = QuarkusTransaction.joiningExisting().call(() -> store.find(id)).orElse(null);
        if (job == null || !(caller.seesEverything() || caller.actsFor(job.organisationId())
                || caller.actsFor(job.uploaderOrganisationId()))) {
            throw Problems.notFound(WHAT, id);
        }
        return job;
    }
}
