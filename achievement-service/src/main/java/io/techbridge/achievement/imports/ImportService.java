package io.techbridge.achievement.imports;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response.Status;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Accepts an uploaded file as an import job once its header and size are right (nothing is stored
 * otherwise), and answers who may follow a job: the uploading organisation, brokers and admins.
 */
@ApplicationScoped
public class ImportService {

    private static final String WHAT = "import";

    private final EntityManager entityManager;
    private final Caller caller;
    private final ImportConfig config;
    private final ImportWorker worker;

    public ImportService(EntityManager entityManager, Caller caller, ImportConfig config, ImportWorker worker) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.config = config;
        this.worker = worker;
    }

    /** The caller's right to import, checked before the file is read. */
    public String requireImporter() {
        caller.requireRole(Role.UNIVERSITY);
        return caller.requireOrganisation();
    }

    public ImportJobResponse accept(ImportFormat format, String fileName, byte[] content) {
        String organisation = requireImporter();
        Spreadsheet sheet;
        try {
            sheet = Spreadsheet.read(format, content);
        } catch (Spreadsheet.UnreadableException e) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "unreadable-file", "Unreadable file",
                    e.getMessage()));
        }
        if (sheet.header().isEmpty()) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid file",
                    "the file has no header row"));
        }
        ImportColumns.Result columns = ImportColumns.of(sheet.header());
        if (columns.problem() != null) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid file",
                            columns.problem().message())
                    .withViolations(columns.problem().columns().stream()
                            .map(c -> new Problem.Violation(c, "header", "KnownRequiredColumns",
                                    columns.problem().message()))
                            .toList()));
        }
        if (sheet.rows().isEmpty()) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid file",
                    "the file has a header but no data rows"));
        }
        if (sheet.rows().size() > config.maxRows()) {
            throw new ProblemException(Problem.of(Status.BAD_REQUEST, "too-many-rows", "Too many rows",
                            "the file has " + sheet.rows().size() + " data rows; at most " + config.maxRows()
                                    + " can be imported at once, split the file")
                    .withContext(Map.of("rows", sheet.rows().size(), "maxRows", config.maxRows())));
        }
        ImportJob job = store(organisation, format, fileName, content, sheet.rows().size());
        worker.wake();
        return ImportJobResponse.of(job);
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

    @Transactional
    ImportJob store(String organisation, ImportFormat format, String fileName, byte[] content, int total) {
        ImportJob job = new ImportJob();
        job.id = UUID.randomUUID();
        job.organisationId = organisation;
        job.uploadedBy = caller.name();
        job.fileName = fileName;
        job.format = format;
        job.status = ImportJob.Status.QUEUED;
        job.total = total;
        job.createdAt = Instant.now();
        entityManager.persist(job);
        entityManager.flush();
        entityManager.createNativeQuery("INSERT INTO import_file (job_id, content) VALUES (?1, ?2)")
                .setParameter(1, job.id).setParameter(2, content).executeUpdate();
        return job;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public ImportJobResponse get(UUID id) {
        return ImportJobResponse.of(visible(id));
    }

    /** The report of the rows that were not imported, by row number. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImportErrorResponse> errors(UUID id) {
        visible(id);
        return entityManager.createQuery(
                        "FROM ImportError WHERE jobId = :job ORDER BY rowNumber, id", ImportError.class)
                .setParameter("job", id).getResultStream()
                .map(e -> new ImportErrorResponse(e.rowNumber, e.columnName, e.message)).toList();
    }

    /** Logged-in callers only; a job of another organisation is answered as if it did not exist. */
    private ImportJob visible(UUID id) {
        caller.requireAuthenticated();
        ImportJob job = entityManager.find(ImportJob.class, id);
        if (job == null || !(caller.seesEverything() || caller.actsFor(job.organisationId))) {
            throw Problems.notFound(WHAT, id);
        }
        return job;
    }
}
