package io.techbridge.listing.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.listing.imports.RowReader.CellError;
import io.techbridge.listing.imports.RowReader.Mapped;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.listing.disclosure.MatchSide;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Works through queued imports, one job at a time per instance. Rows are validated one by one,
 * then stored in chunks of {@code techbridge.import.chunk-size}: one transaction holds the chunk's
 * records with their events (each row exactly as a create stores it), its rows' errors and the
 * job's counters, which move only if {@code done} is still the chunk's first row. A chunk that
 * fails as a whole (a row the create refuses, the database away) is rolled back and redone row by
 * row, so a bad row never takes good rows with it. The target stores a chunk's good rows in one
 * call and may refuse some (a possible duplicate), reported like a bad row and counted as failed. So a row is stored whole or not at all, never
 * twice, and a job a crashed instance held (its lease ran out) is continued where it stopped.
 * A job ends (DONE, or FAILED when its file cannot be worked on) in one transaction with its one
 * {@code ImportJobFinished} event on {@code import-events}, however many instances held it.
 *
 * @param <T> the enum of the columns
 * @param <R> the create request a row becomes
 */
public final class ImportWorker<T extends Enum<T> & ImportColumn, R> {

    /** What an import makes of rows: the header it reads, a row's request, and the create of one record. */
    public interface Target<T extends Enum<T> & ImportColumn, R> {

        ImportColumns.Schema<T> schema();

        /** Reads a row of a sheet with these columns into a validated request. */
        Function<List<String>, Mapped<R>> rowMapper(ImportColumns<T> columns);

        /**
         * Stores one record with its event, inside the transaction the worker opened. A
         * {@link ProblemException} refuses the row (reported with its detail).
         */
        void create(ImportJob job, R request);

        /**
         * Stores a chunk's good rows, in the transaction the worker opened, all in one call so that
         * a target can check them together (one look-up for the chunk) and write what it collects at
         * the end. Returns the rows it would not store (by their index in {@code requests}), with
         * why; nothing of those is stored. By default one {@link #create} each, none refused.
         */
        default List<Refusal> createAll(ImportJob job, List<R> requests) {
            for (R request : requests) {
                create(job, request);
            }
            return List.of();
        }

        /** The job is done: what the target kept for it (such as its look-ups) may go. */
        default void finished(ImportJob job) {
        }
    }

    /** A good row a target did not store (such as a possible duplicate): a problem of its row in the error report. */
    public record Refusal(int index, String column, String message) {
    }

    /** A row whose store fails this often for an unforeseen reason is reported instead of blocking its job. */
    private static final int ATTEMPTS_PER_ROW = 3;

    private final String name;
    /** What the rows become, as {@code import-events} names it: ACHIEVEMENT or DEMAND. */
    private final MatchSide listingType;
    private final ImportJobStore store;
    private final OutboxWriter outbox;
    private final ImportConfig config;
    private final Target<T, R> target;
    private final Logger log;
    private WorkerLoop loop;

    /** The job this instance works on, with its file read once. */
    private Current<R> current;
    private int attemptsOnRow;

    private record Current<R>(ImportJob job, Spreadsheet sheet, Function<List<String>, Mapped<R>> mapper) {
        UUID id() {
            return job.id();
        }
    }

    /** The job moved on without this instance (another took it over after the lease ran out). */
    private static final class LostJob extends RuntimeException {
        LostJob() {
            super(null, null, false, false);
        }
    }

    public ImportWorker(String name, MatchSide listingType, ImportJobStore store, OutboxWriter outbox,
            ImportConfig config, Target<T, R> target, Logger log) {
        this.name = name;
        this.listingType = listingType;
        this.store = store;
        this.outbox = outbox;
        this.config = config;
        this.target = target;
        this.log = log;
    }

    public void start() {
        loop = new WorkerLoop(name, config.idlePoll(), this::round, log);
        loop.start();
    }

    public void stop() throws InterruptedException {
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
            Optional<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> store.claim(config.lease()));
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
            log.infof("import %s is being worked on elsewhere", current.id());
            current = null;
        }
        return WorkerLoop.Outcome.MORE;
    }

    /** Reads the job's file; one that cannot be read any more ends the job as FAILED. */
    private Current<R> open(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ImportJob job = store.find(id).orElseThrow();
            Optional<byte[]> file = store.file(id);
            String failure = null;
            Current<R> opened = null;
            if (file.isEmpty()) {
                failure = "the uploaded file is no longer stored";
            } else {
                try {
                    Spreadsheet sheet = Spreadsheet.read(job.format(), file.get());
                    ImportColumns.Result<T> columns = target.schema().read(sheet.header());
                    if (columns.problem() != null) {
                        failure = columns.problem().message();
                    } else if (sheet.rows().size() != job.total()) {
                        failure = "the stored file has " + sheet.rows().size() + " rows, not " + job.total();
                    } else {
                        opened = new Current<>(job, sheet, target.rowMapper(columns.columns()));
                    }
                } catch (Spreadsheet.UnreadableException e) {
                    failure = e.getMessage();
                }
            }
            if (failure != null && finish(id, ImportJob.Status.FAILED, failure)) {
                log.warnf("import %s failed: %s", id, failure);
            }
            return opened;
        });
    }

    private void workBatch() {
        ImportJob job = QuarkusTransaction.requiringNew().call(() -> store.find(current.id())).orElse(null);
        if (job == null || job.status() != ImportJob.Status.RUNNING) {
            throw new LostJob();
        }
        List<Spreadsheet.DataRow> rows = current.sheet().rows();
        int end = Math.min(job.done() + config.batchSize(), job.total());
        int chunk = Math.max(1, config.chunkSize());
        for (int from = job.done(); from < end; from += chunk) {
            List<Spreadsheet.DataRow> slice = rows.subList(from, Math.min(from + chunk, end));
            List<Mapped<R>> mapped = new ArrayList<>(slice.size());
            for (Spreadsheet.DataRow row : slice) {
                mapped.add(current.mapper().apply(row.cells()));
            }
            processChunk(from, slice, mapped);
        }
        if (end < job.total()) {
            QuarkusTransaction.requiringNew().run(() -> store.renewLease(current.id(), config.lease()));
            return;
        }
        if (QuarkusTransaction.requiringNew().call(() -> finish(current.id(), ImportJob.Status.DONE, null))) {
            log.infof("import %s done: %d rows", current.id(), job.total());
        } else {
            log.infof("import %s was ended elsewhere", current.id());
        }
        target.finished(current.job());
        current = null;
    }

    /**
     * Ends a running job with its {@code ImportJobFinished} event, in the caller's transaction, so
     * the two commit together. False, and no event, if the job had ended already.
     */
    private boolean finish(UUID id, ImportJob.Status status, String failure) {
        if (!store.finish(id, status, failure)) {
            return false;
        }
        ImportJob job = store.find(id).orElseThrow();
        // One event per job, ever: version 1.
        outbox.append(ImportJobPayload.FINISHED, ImportJobPayload.AGGREGATE_TYPE, id.toString(), 1,
                payloadOf(job, listingType));
        return true;
    }

    /** The ended job as {@code import-events} carries it: its final status and counters, no person. */
    private static ImportJobPayload payloadOf(ImportJob job, MatchSide listingType) {
        return new ImportJobPayload(job.id().toString(), 1, listingType.name(), job.organisationId(),
                job.uploaderOrganisationId(), job.fileName(), job.format().name(), job.status().name(), job.total(),
                job.imported(), job.failed(), job.duplicatesConfirmed(), job.failure(), job.createdAt(),
                job.startedAt(), job.finishedAt());
    }

    /** The chunk in one transaction; if that fails, row by row. */
    private void processChunk(int from, List<Spreadsheet.DataRow> rows, List<Mapped<R>> mapped) {
        if (rows.size() > 1) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    store.batchInserts(rows.size());
                    // The chunk's events in one batch at its end, so the records' inserts are batched too.
                    int refused = outbox.collecting(() -> storeAll(rows, mapped));
                    int imported = (int) mapped.stream().filter(Mapped::valid).count() - refused;
                    advance(from, imported, rows.size() - imported);
                });
                attemptsOnRow = 0;
                return;
            } catch (LostJob lost) {
                throw lost;
            } catch (RuntimeException chunkFailed) {
                log.debugf("import %s: chunk from row %d redone row by row: %s", current.id(),
                        rows.getFirst().number(), chunkFailed.getMessage());
            }
        }
        for (int i = 0; i < rows.size(); i++) {
            processRow(from + i, rows.get(i), mapped.get(i));
        }
    }

    private void processRow(int index, Spreadsheet.DataRow row, Mapped<R> mapped) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                boolean imported = storeAll(List.of(row), List.of(mapped)) == 0 && mapped.valid();
                advance(index, imported ? 1 : 0, imported ? 0 : 1);
            });
            attemptsOnRow = 0;
        } catch (LostJob lost) {
            throw lost;
        } catch (ProblemException refused) {
            // The create refused the row for a rule beyond Bean Validation: a row error like any other.
            QuarkusTransaction.requiringNew().run(() -> {
                advance(index, 0, 1);
                store.recordError(current.id(), row.number(), null, refused.problem().detail());
            });
        } catch (RuntimeException e) {
            // Most likely the database is unreachable: the round fails and the row is tried again.
            if (++attemptsOnRow < ATTEMPTS_PER_ROW) {
                throw e;
            }
            log.errorf(e, "import %s: row %d could not be stored", current.id(), row.number());
            QuarkusTransaction.requiringNew().run(() -> {
                advance(index, 0, 1);
                store.recordError(current.id(), row.number(), null, "the row could not be stored: " + e.getMessage());
            });
            attemptsOnRow = 0;
        }
    }

    /**
     * Stores the good rows of these (one {@link Target#createAll} call) and reports the bad ones and
     * those the target refused; the counters are moved after, in the same transaction.
     *
     * @return how many good rows the target refused
     */
    private int storeAll(List<Spreadsheet.DataRow> rows, List<Mapped<R>> mapped) {
        List<R> requests = new ArrayList<>();
        List<Spreadsheet.DataRow> requestRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            if (mapped.get(i).valid()) {
                requests.add(mapped.get(i).request());
                requestRows.add(rows.get(i));
            } else {
                for (CellError error : mapped.get(i).errors()) {
                    store.recordError(current.id(), rows.get(i).number(), error.column(), error.message());
                }
            }
        }
        if (requests.isEmpty()) {
            return 0;
        }
        List<Refusal> refusals = target.createAll(current.job(), requests);
        for (Refusal refusal : refusals) {
            store.recordError(current.id(), requestRows.get(refusal.index()).number(), refusal.column(),
                    refusal.message());
        }
        return refusals.size();
    }

    private void advance(int from, int imported, int failed) {
        if (!store.advance(current.id(), from, imported, failed)) {
            throw new LostJob();
        }
    }
}
