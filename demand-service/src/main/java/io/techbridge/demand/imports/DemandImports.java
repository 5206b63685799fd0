package io.techbridge.demand.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.imports.ImportColumns;
import io.techbridge.commons.imports.ImportConfig;
import io.techbridge.commons.imports.ImportJob;
import io.techbridge.commons.imports.ImportJobStore;
import io.techbridge.commons.imports.ImportJobs;
import io.techbridge.commons.imports.ImportWorker;
import io.techbridge.commons.imports.RowReader.Mapped;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.api.DemandResponse;
import io.techbridge.demand.domain.DemandService;
import io.techbridge.demand.duplicates.DemandDuplicates;
import io.techbridge.demand.duplicates.DemandIndex;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateIndex;
import io.techbridge.listing.duplicates.DuplicateReason;
import io.techbridge.listing.duplicates.DuplicateRules;
import io.techbridge.listing.duplicates.Fingerprint;
import io.techbridge.demand.security.DemandAccess;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.regex.Pattern;

/**
 * Demand imports: an enterprise posts its demands from a spreadsheet, or an admin (the operator's
 * technology-transfer centre) imports an enterprise's demand forms naming its organisation. Each
 * good row becomes an OPEN demand, exactly as a create makes it. Like a create, a row with
 * near-duplicates (among the posted demands or the earlier rows of the same file) is not stored but
 * reported with its candidates, unless the upload said {@code ?duplicates=confirmed}.
 */
@Singleton
public class DemandImports implements ImportWorker.Target<DemandColumn, DemandRequest> {

    private static final Logger LOG = Logger.getLogger(DemandImports.class);
    private static final Pattern ORGANISATION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]*$");

    private final Caller caller;
    private final DemandService demands;
    private final DemandDuplicates duplicates;
    private final DemandIndex index;
    private final Validator validator;
    private final ImportJobs<DemandColumn> jobs;
    private final ImportWorker<DemandColumn, DemandRequest> worker;
    /** The look-ups of the job being worked on: its chunks meet the same candidates and stop buckets. */
    private JobMemory memory;

    private record JobMemory(UUID job, DuplicateIndex.Memory memory) {
    }

    public DemandImports(EntityManager entityManager, Caller caller, ImportConfig config, OutboxWriter outbox,
            DemandService demands, DemandDuplicates duplicates, DemandIndex index, Validator validator) {
        this.caller = caller;
        this.demands = demands;
        this.duplicates = duplicates;
        this.index = index;
        this.validator = validator;
        ImportJobStore store = new ImportJobStore(entityManager, true);
        this.worker = new ImportWorker<>("demand-import", store, outbox, config, this, LOG);
        this.jobs = new ImportJobs<>(store, caller, config, DemandColumn.SCHEMA, worker::wake);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /**
     * Who imports for which organisation, checked before the file is read: an enterprise for its own
     * (naming another → 403); an admin for the organisation it names (none → 400), as when it posts
     * a government-set challenge.
     */
    public ImportJob.Importer requireImporter(String organisationId, boolean duplicatesConfirmed) {
        Role role = caller.requireRole(Role.ENTERPRISE, Role.ADMIN);
        String own = caller.requireOrganisation();
        String named = organisationId == null || organisationId.isBlank() ? null : organisationId.strip();
        if (role == Role.ADMIN) {
            if (named == null) {
                throw Problems.invalidQuery("organisationId", "NotBlank",
                        "an admin importing demands must name the organisation they are for");
            }
            if (named.length() > 64 || !ORGANISATION_ID.matcher(named).matches()) {
                throw Problems.invalidQuery("organisationId", "Pattern",
                        "must be at most 64 letters, digits, '.', '_' or '-'");
            }
            return new ImportJob.Importer(named, own, caller.name(), duplicatesConfirmed);
        }
        if (named != null && !named.equals(own)) {
            throw Problems.forbidden("organisationId: you may import demands only for your own organisation (" + own + ")");
        }
        return new ImportJob.Importer(own, own, caller.name(), duplicatesConfirmed);
    }

    public ImportJobs<DemandColumn> jobs() {
        return jobs;
    }

    @Override
    public ImportColumns.Schema<DemandColumn> schema() {
        return DemandColumn.SCHEMA;
    }

    @Override
    public Function<List<String>, Mapped<DemandRequest>> rowMapper(ImportColumns<DemandColumn> columns) {
        return new DemandRowMapper(columns, validator);
    }

    @Override
    public void create(ImportJob job, DemandRequest request) {
        demands.createFor(new DemandAccess.Poster(job.organisationId(), job.uploaderOrganisationId()), request);
    }

    /**
     * The chunk's rows checked against the posted demands in one look-up, then one by one against
     * the rows of the chunk stored before them (earlier chunks are posted already); their index
     * entries are written together at the end.
     */
    @Override
    public List<ImportWorker.Refusal> createAll(ImportJob job, List<DemandRequest> requests) {
        List<Fingerprint> probes = requests.stream().map(r -> DemandIndex.fingerprint(r.title(), r.problem())).toList();
        // Only an admin imports for another organisation than its own, and an admin sees everything.
        boolean uploaderSeesEverything = !job.organisationId().equals(job.uploaderOrganisationId());
        List<List<DuplicateCandidate>> posted = job.duplicatesConfirmed() ? null
                : duplicates.candidatesOfEach(probes, job.uploaderOrganisationId(), uploaderSeesEverything,
                        memoryOf(job));
        DemandAccess.Poster poster = new DemandAccess.Poster(job.organisationId(), job.uploaderOrganisationId());
        return index.collecting(() -> {
            List<ImportWorker.Refusal> refusals = new ArrayList<>();
            List<Stored> stored = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                Fingerprint probe = probes.get(i);
                long[] buckets = probe.buckets();
                if (posted != null) {
                    List<DuplicateCandidate> found = new ArrayList<>(posted.get(i));
                    for (Stored earlier : stored) {
                        if (earlier.offered(buckets)) {
                            DuplicateRules.Verdict verdict = duplicates.judge(probe, earlier.fingerprint());
                            if (verdict.duplicate()) {
                                found.add(new DuplicateCandidate(earlier.created().id(), earlier.created().title(),
                                        earlier.created().organisationId(), earlier.created().status().name(),
                                        verdict.similarity(), verdict.reasons()));
                            }
                        }
                    }
                    if (!found.isEmpty()) {
                        found.sort(Comparator.comparingDouble(DuplicateCandidate::similarity).reversed());
                        refusals.add(new ImportWorker.Refusal(i, DemandColumn.TITLE.displayName(),
                                problemOf(found.subList(0, Math.min(found.size(), duplicates.maxCandidates())))));
                        continue;
                    }
                }
                DemandResponse created = demands.createFor(poster, requests.get(i));
                stored.add(new Stored(created, probe, buckets));
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
    private record Stored(DemandResponse created, Fingerprint fingerprint, long[] buckets) {

        /** What the index would offer: a shared LSH bucket. */
        boolean offered(long[] probeBuckets) {
            for (int band = 0; band < Math.min(buckets.length, probeBuckets.length); band++) {
                if (buckets[band] != 0 && buckets[band] == probeBuckets[band]) {
                    return true;
                }
            }
            return false;
        }
    }

    private static final Map<DuplicateReason, String> REASONS = Map.of(DuplicateReason.SIMILAR_TITLE, "名称相似",
            DuplicateReason.SIMILAR_TEXT, "内容相似");

    /** 可能与已有需求重复：<id>《title》(相似度 0.83, 名称相似)；… (an anonymised one: 《另一机构的需求》). */
    static String problemOf(List<DuplicateCandidate> candidates) {
        return "可能与已有需求重复：" + candidates.stream()
                .map(c -> c.id() + "《" + c.title() + "》(相似度 " + String.format(Locale.ROOT, "%.2f", c.similarity())
                        + ", " + c.reasons().stream().map(r -> REASONS.getOrDefault(r, r.name()))
                        .collect(Collectors.joining("、")) + ")")
                .collect(Collectors.joining("；"))
                + "；确认不是重复时以 ?duplicates=confirmed 重新上传";
    }
}
