package io.techbridge.achievement.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.achievement.domain.AchievementService;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.work.WorkerLoop;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Works through queued imports, one job at a time per instance, in batches of rows. Each row is one
 * transaction: the achievement with its AchievementCreated event, or the row's errors, together
 * with the job's counters, which move only if {@code done} is still the row's index. So a row is
 * stored whole or not at all, never twice, and a job a crashed instance held (its lease ran out)
 * is continued where it stopped.
 */
@ApplicationScoped
public class ImportWorker {

    private static final Logger LOG = Logger.getLogger(ImportWorker.class);
    /** A row whose store fails this often for an unforeseen reason is reported instead of blocking its job. */
    private static final int ATTEMPTS_PER_ROW = 3;

    private final EntityManager entityManager;
    private final AchievementService achievements;
    private final Validator validator;
    private final ImportConfig config;
    private WorkerLoop loop;

    /** The job this instance works on, with its file read once. */
    private Current current;
    private int attemptsOnRow;

    private record Current(UUID id, String organisationId, Spreadsheet sheet, RowMapper mapper) {
    }

    /** The job moved on without this instance (another took it over after the lease ran out). */
    private static final class LostJob extends RuntimeException {
        LostJob() {
            super(null, null, false, false);
        }
    }

    public ImportWorker(EntityManager entityManager, AchievementService achievements, Validator validator,
            ImportConfig config) {
        this.entityManager = entityManager;
        this.achievements = achievements;
        this.validator = validator;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        loop = new WorkerLoop("achievement-import", config.idlePoll(), this::round, LOG);
        loop.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (loop != null) {
            loop.stop();
        }
    }

    /** A job was queued: start on it now rather than at the next poll. */
    public void wake() {
        if (loop != null) {
            loop.wake();
        }
    }

    private WorkerLoop.Outcome round() {
        if (current == null) {
            Optional<UUID> claimed = claim();
            if (claimed.isEmpty()) {
                return WorkerLoop.Outcome.IDLE;
            }
            current = open(claimed.get());
            attemptsOnRow = 0;
            if (current == null) {
                return WorkerLoop.Outcome.MORE;
            }
        }
        try {
            workBatch();
        } catch (LostJob lost) {
            LOG.infof("import %s is being worked on elsewhere", current.id());
            current = null;
        }
        return WorkerLoop.Outcome.MORE;
    }

    /** The oldest queued job, or a running one whose worker's lease ran out. */
    private Optional<UUID> claim() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        UPDATE import_job SET status = 'RUNNING', lease_until = ?1,
                               started_at = COALESCE(started_at, ?2)
                        WHERE id = (SELECT id FROM import_job
                                    WHERE status = 'QUEUED' OR (status = 'RUNNING' AND lease_until < ?2)
                                    ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id""", UUID.class)
                .setParameter(1, Instant.now().plus(config.lease()))
                .setParameter(2, Instant.now())
                .getResultStream().findFirst());
    }

    /** Reads the job's file; one that cannot be read any more ends the job as FAILED. */
    private Current open(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = entityManager.find(ImportJob.class, id);
            @SuppressWarnings("unchecked")
            List<byte[]> files = entityManager.createNativeQuery("SELECT content FROM import_file WHERE job_id = ?1")
                    .setParameter(1, id).getResultList();
            String failure = null;
            Current opened = null;
            if (files.isEmpty()) {
                failure = "the uploaded file is no longer stored";
            } else {
                try {
                    Spreadsheet sheet = Spreadsheet.read(job.format, files.getFirst());
                    ImportColumns.Result columns = ImportColumns.of(sheet.header());
                    if (columns.problem() != null) {
                        failure = columns.problem().message();
                    } else if (sheet.rows().size() != job.total) {
                        failure = "the stored file has " + sheet.rows().size() + " rows, not " + job.total;
                    } else {
                        opened = new Current(id, job.organisationId, sheet, new RowMapper(columns.columns(), validator));
                    }
                } catch (Spreadsheet.UnreadableException e) {
                    failure = e.getMessage();
                }
            }
            if (failure != null) {
                LOG.warnf("import %s failed: %s", id, failure);
                finish(id, ImportJob.Status.FAILED, failure);
            }
            return opened;
        });
    }

    private void workBatch() {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> entityManager.find(ImportJob.class, current.id()));
        if (job == null || job.status != ImportJob.Status.RUNNING) {
            throw new LostJob();
        }
        List<Spreadsheet.DataRow> rows = current.sheet().rows();
        int end = Math.min(job.done + config.batchSize(), job.total);
        for (int index = job.done; index < end; index++) {
            processRow(index, rows.get(index));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (end >= job.total) {
                finish(current.id(), ImportJob.Status.DONE, null);
            } else {
                renewLease(current.id());
            }
        });
        if (end >= job.total) {
            LOG.infof("import %s done: %d rows", current.id(), job.total);
            current = null;
        }
    }

    private void processRow(int index, Spreadsheet.DataRow row) {
        RowMapper.Mapped mapped = current.mapper().map(row.cells());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                advance(index, mapped.valid());
                if (mapped.valid()) {
                    achievements.createFor(current.organisationId(), mapped.request());
                } else {
                    for (RowMapper.CellError error : mapped.errors()) {
                        recordError(row.number(), error.column(), error.message());
                    }
                }
            });
            attemptsOnRow = 0;
        } catch (LostJob lost) {
            throw lost;
        } catch (ProblemException refused) {
            // The create refused the row for a rule beyond Bean Validation: a row error like any other.
            QuarkusTransaction.requiringNew().run(() -> {
                advance(index, false);
                recordError(row.number(), null, refused.problem().detail());
            });
        } catch (RuntimeException e) {
            // Most likely the database is unreachable: the round fails and the row is tried again.
            if (++attemptsOnRow < ATTEMPTS_PER_ROW) {
                throw e;
            }
            LOG.errorf(e, "import %s: row %d could not be stored", current.id(), row.number());
            QuarkusTransaction.requiringNew().run(() -> {
                advance(index, false);
                recordError(row.number(), null, "the row could not be stored: " + e.getMessage());
            });
            attemptsOnRow = 0;
        }
    }

    /**
     * Counts the row as done; only if it is the next row of a job still held, else the job was lost.
     * The row's commit need not wait for the disk: after a crash the last rows are lost together with
     * their counter, so the job resumes exactly there; it saves a WAL flush per row.
     */
    private void advance(int index, boolean imported) {
        entityManager.createNativeQuery("SET LOCAL synchronous_commit TO OFF").executeUpdate();
        int changed = entityManager.createNativeQuery("""
                        UPDATE import_job SET done = done + 1, imported = imported + ?1, failed = failed + ?2
                        WHERE id = ?3 AND done = ?4 AND status = 'RUNNING'""")
                .setParameter(1, imported ? 1 : 0).setParameter(2, imported ? 0 : 1)
                .setParameter(3, current.id()).setParameter(4, index)
                .executeUpdate();
        if (changed != 1) {
            throw new LostJob();
        }
    }

    private void recordError(int rowNumber, String column, String message) {
        ImportError error = new ImportError();
        error.jobId = current.id();
        error.rowNumber = rowNumber;
        error.columnName = column;
        error.message = message.length() > 2000 ? message.substring(0, 1997) + "..." : message;
        entityManager.persist(error);
    }

    private void renewLease(UUID id) {
        entityManager.createNativeQuery("UPDATE import_job SET lease_until = ?1 WHERE id = ?2")
                .setParameter(1, Instant.now().plus(config.lease())).setParameter(2, id).executeUpdate();
    }

    /** Ends the job; its file is no longer needed. */
    private void finish(UUID id, ImportJob.Status status, String failure) {
        ImportJob job = entityManager.find(ImportJob.class, id);
        job.status = status;
        job.failure = failure;
        job.finishedAt = Instant.now();
        job.leaseUntil = null;
        entityManager.flush();
        entityManager.createNativeQuery("DELETE FROM import_file WHERE job_id = ?1").setParameter(1, id).executeUpdate();
    }
}
