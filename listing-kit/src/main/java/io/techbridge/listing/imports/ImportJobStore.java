package io.techbridge.listing.imports;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The tables of a service's imports, in its own database: {@code import_job}, {@code import_file}
 * (the upload until its job ends) and {@code import_error}, created by the service's Flyway
 * migration. Plain SQL, so that a service without imports maps no import entity. Every method
 * runs in the caller's transaction.
 */
public final class ImportJobStore {

    private static final String COLUMNS = """
            id, organisation_id, uploader_organisation_id, uploaded_by, file_name, format, status, total, done,
            imported, failed, failure, created_at, started_at, finished_at""";

    private final EntityManager entityManager;
    /** Whether {@code import_job} has {@code duplicates_confirmed} (a service whose import checks for duplicates). */
    private final boolean duplicatesConfirmable;
    private final String columns;

    public ImportJobStore(EntityManager entityManager) {
        this(entityManager, false);
    }

    /**
     * @param duplicatesConfirmable the service's {@code import_job} has the boolean column
     *        {@code duplicates_confirmed}, which keeps {@link ImportJob.Importer#duplicatesConfirmed()}
     */
    public ImportJobStore(EntityManager entityManager, boolean duplicatesConfirmable) {
        this.entityManager = entityManager;
        this.duplicatesConfirmable = duplicatesConfirmable;
        this.columns = duplicatesConfirmable ? COLUMNS + ", duplicates_confirmed" : COLUMNS;
    }

    public ImportJob create(ImportJob.Importer importer, ImportFormat format, String fileName, byte[] content,
            int total) {
        UUID id = UUID.randomUUID();
        if (importer.duplicatesConfirmed() && !duplicatesConfirmable) {
            throw new IllegalStateException("this service's imports do not check for duplicates");
        }
        entityManager.createNativeQuery("""
                        INSERT INTO import_job (id, organisation_id, uploader_organisation_id, uploaded_by, file_name,
                                                format, status, total, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'QUEUED', ?7, ?8)""")
                .setParameter(1, id).setParameter(2, importer.organisationId())
                .setParameter(3, importer.uploaderOrganisationId()).setParameter(4, importer.uploadedBy())
                .setParameter(5, fileName).setParameter(6, format.name()).setParameter(7, total)
                .setParameter(8, Instant.now())
                .executeUpdate();
        if (importer.duplicatesConfirmed()) {
            entityManager.createNativeQuery("UPDATE import_job SET duplicates_confirmed = true WHERE id = ?1")
                    .setParameter(1, id).executeUpdate();
        }
        entityManager.createNativeQuery("INSERT INTO import_file (job_id, content) VALUES (?1, ?2)")
                .setParameter(1, id).setParameter(2, content).executeUpdate();
        return find(id).orElseThrow();
    }

    public Optional<ImportJob> find(UUID id) {
        List<?> rows = entityManager.createNativeQuery("SELECT " + columns + " FROM import_job WHERE id = ?1")
                .setParameter(1, id).getResultList();
        return rows.stream().findFirst().map(row -> job((Object[]) row));
    }

    /**
     * The newest jobs first, of one organisation (uploaded by it or for it) or of all when null; at
     * most {@code limit}.
     */
    public List<ImportJob> recent(String organisationId, int limit) {
        var query = entityManager.createNativeQuery("SELECT " + columns + " FROM import_job"
                + (organisationId == null ? "" : " WHERE organisation_id = ?1 OR uploader_organisation_id = ?1")
                + " ORDER BY created_at DESC, id LIMIT " + limit);
        if (organisationId != null) {
            query.setParameter(1, organisationId);
        }
        return query.getResultList().stream().map(row -> job((Object[]) row)).toList();
    }

    /** The report of the rows that were not imported, by row number. */
    public List<ImportErrorResponse> errors(UUID id) {
        List<?> rows = entityManager.createNativeQuery("""
                        SELECT row_number, column_name, message FROM import_error
                        WHERE job_id = ?1 ORDER BY row_number, id""")
                .setParameter(1, id).getResultList();
        return rows.stream().map(r -> (Object[]) r)
                .map(r -> new ImportErrorResponse(((Number) r[0]).intValue(), (String) r[1], (String) r[2]))
                .toList();
    }

    /** Takes the oldest queued job, or a running one whose worker's lease ran out. */
    public Optional<UUID> claim(Duration lease) {
        Instant now = Instant.now();
        return entityManager.createNativeQuery("""
                        UPDATE import_job SET status = 'RUNNING', lease_until = ?1,
                               started_at = COALESCE(started_at, ?2)
                        WHERE id = (SELECT id FROM import_job
                                    WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < ?2)
                                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id""", UUID.class)
                .setParameter(1, now.plus(lease)).setParameter(2, now)
                .getResultStream().findFirst();
    }

    public Optional<byte[]> file(UUID id) {
        List<?> files = entityManager.createNativeQuery("SELECT content FROM import_file WHERE job_id = ?1")
                .setParameter(1, id).getResultList();
        return files.stream().findFirst().map(f -> (byte[]) f);
    }

    /**
     * Counts {@code imported + failed} rows from row index {@code from} as done, only if the job is
     * still running and exactly {@code from} rows were done: false means another worker has the job.
     * The commit need not wait for the disk: after a crash the last rows are lost together with
     * their counter, so the job resumes exactly there; it saves a WAL flush per commit.
     */
    public boolean advance(UUID id, int from, int imported, int failed) {
        entityManager.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        return entityManager.createNativeQuery("""
                        UPDATE import_job SET done = done + ?1, imported = imported + ?2, failed = failed + ?3
                        WHERE id = ?4 AND done = ?5 AND status = 'RUNNING'""")
                .setParameter(1, imported + failed).setParameter(2, imported).setParameter(3, failed)
                .setParameter(4, id).setParameter(5, from)
                .executeUpdate() == 1;
    }

    /**
     * Lets this transaction's session send up to {@code rows} inserts of one table in one JDBC batch
     * (the records of a chunk), instead of one round trip each.
     */
    public void batchInserts(int rows) {
        entityManager.unwrap(Session.class).setJdbcBatchSize(rows);
    }

    public void recordError(UUID id, int rowNumber, String column, String message) {
        entityManager.createNativeQuery("""
                        INSERT INTO import_error (job_id, row_number, column_name, message) VALUES (?1, ?2, ?3, ?4)""")
                .setParameter(1, id).setParameter(2, rowNumber).setParameter(3, column)
                .setParameter(4, message.length() > 2000 ? message.substring(0, 1997) + "..." : message)
                .executeUpdate();
    }

    public void renewLease(UUID id, Duration lease) {
        entityManager.createNativeQuery("UPDATE import_job SET lease_until = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().plus(lease)).setParameter(2, id).executeUpdate();
    }

    /**
     * Ends the job if it is still running; its file is no longer needed. False if it had ended
     * already: two workers that both held it (one whose lease ran out) end it once, as the second
     * update waits for the first to commit and then finds the job no longer running.
     */
    public boolean finish(UUID id, ImportJob.Status status, String failure) {
        boolean ended = entityManager.createNativeQuery("""
                        UPDATE import_job SET status = ?1, failure = ?2, finished_at = ?3, lease_until = NULL
                        WHERE id = ?4 AND status = 'RUNNING'""")
                .setParameter(1, status.name()).setParameter(2, failure).setParameter(3, Instant.now())
                .setParameter(4, id).executeUpdate() == 1;
        if (ended) {
            entityManager.createNativeQuery("DELETE FROM import_file WHERE job_id = ?1").setParameter(1, id)
                    .executeUpdate();
        }
        return ended;
    }

    private static ImportJob job(Object[] r) {
        return new ImportJob((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                ImportFormat.valueOf((String) r[5]), ImportJob.Status.valueOf((String) r[6]),
                ((Number) r[7]).intValue(), ((Number) r[8]).intValue(), ((Number) r[9]).intValue(),
                ((Number) r[10]).intValue(), (String) r[11], instant(r[12]), instant(r[13]), instant(r[14]),
                r.length > 15 && Boolean.TRUE.equals(r[15]));
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass());
        };
    }
}
