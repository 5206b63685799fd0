package io.techbridge.achievement.imports;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.api.AchievementResponse;
import io.techbridge.achievement.domain.AchievementService;
import io.techbridge.achievement.duplicates.AchievementDuplicates;
import io.techbridge.achievement.duplicates.AchievementIndex;
import io.techbridge.commons.imports.ImportColumns;
import io.techbridge.commons.imports.ImportConfig;
import io.techbridge.commons.imports.ImportJob;
import io.techbridge.commons.imports.ImportJobStore;
import io.techbridge.commons.imports.ImportJobs;
import io.techbridge.commons.imports.ImportWorker;
import io.techbridge.commons.imports.RowReader.Mapped;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateIndex;
import io.techbridge.listing.duplicates.DuplicateReason;
import io.techbridge.listing.duplicates.DuplicateRules;
import io.techbridge.listing.duplicates.Fingerprint;
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

/**
 * Achievement imports: universities register achievements from their spreadsheets; each good row
 * becomes a DRAFT achievement of the uploading organisation, exactly as a create makes it. Like a
 * create, a row with near-duplicates (among the registered achievements or the earlier rows of the
 * same file) is not stored but reported with its candidates, unless the upload said
 * {@code ?duplicates=confirmed}.
 */
@Singleton
public class AchievementImports implements ImportWorker.Target<AchievementColumn, AchievementRequest> {

    private static final Logger LOG = Logger.getLogger(AchievementImports.class);

    private final Caller caller;
    private final AchievementService achievements;
    private final AchievementDuplicates duplicates;
    private final AchievementIndex index;
    private final Validator validator;
    private final ImportJobs<AchievementColumn> jobs;
    private final ImportWorker<AchievementColumn, AchievementRequest> worker;
    /** The look-ups of the job being worked on: its chunks meet the same candidates and stop buckets. */
    private JobMemory memory;

    private record JobMemory(UUID job, DuplicateIndex.Memory memory) {
    }

    public AchievementImports(EntityManager entityManager, Caller caller, ImportConfig config, OutboxWriter outbox,
            AchievementService achievements, AchievementDuplicates duplicates, AchievementIndex index,
            Validator validator) {
        this.caller = caller;
        this.achievements = achievements;
        this.duplicates = duplicates;
        this.index = index;
        this.validator = validator;
        ImportJobStore store = new ImportJobStore(entityManager, true);
        this.worker = new ImportWorker<>("achievement-import", store, outbox, config, this, LOG);
        this.jobs = new ImportJobs<>(store, caller, config, AchievementColumn.SCHEMA, worker::wake);
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /** The caller's right to import (university role), checked before the file is read. */
    public ImportJob.Importer requireImporter(boolean duplicatesConfirmed) {
        caller.requireRole(Role.UNIVERSITY);
        String organisation = caller.requireOrganisation();
        return new ImportJob.Importer(organisation, organisation, caller.name(), duplicatesConfirmed);
    }

    public ImportJobs<AchievementColumn> jobs() {
        return jobs;
    }

    @Override
    public ImportColumns.Schema<AchievementColumn> schema() {
        return AchievementColumn.SCHEMA;
    }

    @Override
    public Function<List<String>, Mapped<AchievementRequest>> rowMapper(ImportColumns<AchievementColumn> columns) {
        return new AchievementRowMapper(columns, validator);
    }

    @Override
    public void create(ImportJob job, AchievementRequest request) {
        achievements.createFor(job.organisationId(), request);
    }

    /**
     * The chunk's rows checked against the registered achievements in one look-up, then one by one
     * against the rows of the chunk stored before them (earlier chunks are registered already);
     * their index entries are written together at the end.
     */
    @Override
    public List<ImportWorker.Refusal> createAll(ImportJob job, List<AchievementRequest> requests) {
        List<Fingerprint> probes = requests.stream()
                .map(r -> AchievementIndex.fingerprint(r.title(), r.summary(), r.patentNumbers())).toList();
        // The uploader is a university: it sees what a university sees.
        List<List<DuplicateCandidate>> registered = job.duplicatesConfirmed() ? null
                : duplicates.candidatesOfEach(probes, job.uploaderOrganisationId(), false, memoryOf(job));
        return index.collecting(() -> {
            List<ImportWorker.Refusal> refusals = new ArrayList<>();
            List<Stored> stored = new ArrayList<>();
            for (int i = 0; i < requests.size(); i++) {
                Fingerprint probe = probes.get(i);
                long[] buckets = probe.buckets();
                if (registered != null) {
                    List<DuplicateCandidate> found = new ArrayList<>(registered.get(i));
                    for (Stored earlier : stored) {
                        if (earlier.offered(probe, buckets)) {
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
                        refusals.add(new ImportWorker.Refusal(i, AchievementColumn.TITLE.displayName(),
                                problemOf(found.subList(0, Math.min(found.size(), duplicates.maxCandidates())))));
                        continue;
                    }
                }
                AchievementResponse created = achievements.createFor(job.organisationId(), requests.get(i));
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
    private record Stored(AchievementResponse created, Fingerprint fingerprint, long[] buckets) {

        /** What the index would offer: a shared LSH bucket or a shared patent. */
        boolean offered(Fingerprint probe, long[] probeBuckets) {
            for (int band = 0; band < Math.min(buckets.length, probeBuckets.length); band++) {
                if (buckets[band] != 0 && buckets[band] == probeBuckets[band]) {
                    return true;
                }
            }
            return probe.sharesPatentWith(fingerprint);
        }
    }

    private static final Map<DuplicateReason, String> REASONS = Map.of(DuplicateReason.SAME_PATENT, "相同专利号",
            DuplicateReason.SIMILAR_TITLE, "名称相似", DuplicateReason.SIMILAR_TEXT, "内容相似");

    /** 可能与已有成果重复：<id>《title》(相似度 0.83, 相同专利号)；… (an anonymised one: 《另一机构的成果》). */
    static String problemOf(List<DuplicateCandidate> candidates) {
        return "可能与已有成果重复：" + candidates.stream()
                .map(c -> c.id() + "《" + c.title() + "》(相似度 " + String.format(Locale.ROOT, "%.2f", c.similarity())
                        + ", " + c.reasons().stream().map(REASONS::get).collect(Collectors.joining("、")) + ")")
                .collect(Collectors.joining("；"))
                + "；确认不是重复时以 ?duplicates=confirmed 重新上传";
    }
}
