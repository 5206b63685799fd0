package io.techbridge.listing.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.security.Caller;
import io.techbridge.listing.Listing;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateCheck;
import io.techbridge.listing.duplicates.DuplicateIndex;
import io.techbridge.listing.duplicates.DuplicateRules;
import io.techbridge.listing.duplicates.DuplicateTexts;
import io.techbridge.listing.duplicates.Fingerprint;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A listing's imports: each good row of a sheet becomes a record exactly as a create makes it. Like
 * a create, a row with near-duplicates (among the records already stored or the earlier rows of the
 * same file) is not stored but reported with its candidates, unless the upload said
 * {@code ?duplicates=confirmed}. The worker ({@link ImportWorker}) runs from start to shutdown.
 * <p>
 * A service subclasses it as a {@code @Singleton} bean: who may import for whom (it makes the
 * {@link ImportJob.Importer}), its columns and row mapper, and the create of one row.
 *
 * @param <T> the enum of the columns
 * @param <R> the create request a row becomes
 * @param <C> what a create answers (the record as its owner sees it)
 */
public abstract class ListingImports<T extends Enum<T> & ImportColumn, R, C> implements ImportWorker.Target<T, R> {

    private final ImportColumns.Schema<T> schema;
    private final T titleColumn;
    private final DuplicateCheck<?> duplicates;
    private final DuplicateIndex<?> index;
    private final DuplicateTexts texts;
    private final ImportJobs<T> jobs;
    private final ImportWorker<T, R> worker;
    /** The look-ups of the job being worked on: its chunks meet the same candidates and stop buckets. */
    private JobMemory memory;

    private record JobMemory(UUID job, DuplicateIndex.Memory memory) {
    }

    /**
     * @param name        the worker's name ({@code achievement-import})
     * @param titleColumn the column a row with near-duplicates is reported on
     */
    protected ListingImports(String name, ImportColumns.Schema<T> schema, T titleColumn, Listing listing,
            EntityManager entityManager, Caller caller, ImportConfig config, OutboxWriter outbox,
            DuplicateCheck<?> duplicates, DuplicateIndex<?> index, Logger log) {
        this.schema = schema;
        this.titleColumn = titleColumn;
        this.duplicates = duplicates;
        this.index = index;
        this.texts = listing.duplicates();
        ImportJobStore store = new ImportJobStore(entityManager, true);
        this.worker = new ImportWorker<>(name, listing.side(), store, outbox, config, this, log);
        this.jobs = new ImportJobs<>(store, caller, config, schema, worker::wake);
    }

    public void startWorker(@Observes StartupEvent event) {
        worker.start();
    }

    public void stopWorker(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /** Accepting uploads and answering who may follow a job. */
    public ImportJobs<T> jobs() {
        return jobs;
    }

    @Override
    public ImportColumns.Schema<T> schema() {
        return schema;
    }

    /** What a row's record is compared by. */
    protected abstract Fingerprint fingerprintOf(R request);

    /**
     * Stores one row's record as a create does, for {@code job.organisationId()}; the caller's
     * right was checked when the file was accepted.
     */
    protected abstract C store(ImportJob job, R request);

    /** A record this chunk stored, as a candidate for a later row of it (the uploader may read it in full). */
    protected abstract DuplicateCandidate candidateOf(C created, DuplicateRules.Verdict verdict);

    /**
     * The rules of a create that depend on who uploaded the file and on the row (beyond its Bean
     * Validation, which the row mapper applied): the same rules a create applies to its caller.
     * Checked before anything of the row is stored or looked up; a {@link ProblemException} refuses
     * the row, reported with its detail. By default none.
     */
    protected void requireAllowed(ImportJob job, R request) {
    }

    /** Whether the uploader of this job may read every record in full (a broker or admin); by default not. */
    protected boolean uploaderSeesEverything(ImportJob job) {
        return false;
    }

    @Override
    public void create(ImportJob job, R request) {
        requireAllowed(job, request);
        store(job, request);
    }

    /**
     * The chunk's rows the create's rules allow ({@link #requireAllowed}; the others are refused),
     * checked against the stored records in one look-up, then one by one against the rows of the
     * chunk stored before them (earlier chunks are stored already); their index entries are written
     * together at the end.
     */
    @Override
    public List<ImportWorker.Refusal> createAll(ImportJob job, List<R> rows) {
        List<ImportWorker.Refusal> refusals = new ArrayList<>();
        List<Integer> allowed = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            try {
                requireAllowed(job, rows.get(i));
                allowed.add(i);
            } catch (ProblemException refused) {
                refusals.add(new ImportWorker.Refusal(i, null, refused.problem().detail()));
            }
        }
        List<R> requests = allowed.stream().map(rows::get).toList();
        for (ImportWorker.Refusal refusal : createAllowed(job, requests)) {
            refusals.add(new ImportWorker.Refusal(allowed.get(refusal.index()), refusal.column(), refusal.message()));
        }
        return refusals;
    }

    /** {@link #createAll} of the rows the create's rules allow. */
    private List<ImportWorker.Refusal> createAllowed(ImportJob job, List<R> requests) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Fingerprint> probes = requests.stream().map(this::fingerprintOf).toList();
        List<List<DuplicateCandidate>> stored = job.duplicatesConfirmed() ? null
                : duplicates.candidatesOfEach(probes, job.uploaderOrganisationId(), uploaderSeesEverything(job),
                        memoryOf(job));
        return index.collecting(() -> {
            List<ImportWorker.Refusal> refusals = new ArrayList<>();
            List<Stored<C>> earlierRows = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                Fingerprint probe = probes.get(i);
                if (stored != null) {
                    List<DuplicateCandidate> found = new ArrayList<>(stored.get(i));
                    for (Stored<C> earlier : earlierRows) {
                        if (earlier.offered(probe)) {
                            DuplicateRules.Verdict verdict = duplicates.judge(probe, earlier.fingerprint());
                            if (verdict.duplicate()) {
                                found.add(candidateOf(earlier.created(), verdict));
                            }
                        }
                    }
                    if (!found.isEmpty()) {
                        found.sort(DuplicateCandidate.SHOWN_ORDER);
                        refusals.add(new ImportWorker.Refusal(i, titleColumn.displayName(), texts.importProblem(
                                found.subList(0, Math.min(found.size(), duplicates.maxCandidates())))));
                        continue;
                    }
                }
                earlierRows.add(new Stored<>(store(job, requests.get(i)), probe));
            }
            return refusals;
        });
    }

    /** The memory of this job's look-ups; the worker works on one job at a time, so only its own is kept, until it is done. */
    private synchronized DuplicateIndex.Memory memoryOf(ImportJob job) {
        if (memory == null || !memory.job().equals(job.id())) {
            memory = new JobMemory(job.id(), index.memory());
        }
        return memory.memory();
    }

    @Override
    public synchronized void finished(ImportJob job) {
        if (memory != null && memory.job().equals(job.id())) {
            memory = null;
        }
    }

    /** A row of this chunk already stored, to compare the later rows with. */
    private record Stored<C>(C created, Fingerprint fingerprint) {

        /** What the index would offer: a shared LSH bucket or a shared patent. */
        boolean offered(Fingerprint probe) {
            return fingerprint.sharesBucketWith(probe.buckets()) || probe.sharesPatentWith(fingerprint);
        }
    }
}
