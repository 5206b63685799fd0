package io.techbridge.listing.duplicates;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.listing.Listing;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Finds the records a new one may duplicate, of any organisation: the index offers candidates
 * (same patent key; shared LSH buckets), each is then compared exactly ({@link DuplicateRules}),
 * and the caller sees each one only as far as it may read it (else anonymised: neither its id nor
 * its similarity).
 * <p>
 * A service subclasses it as a bean for its entity: which records can no longer be duplicated, who
 * may read which in full, and how a candidate read in full is shown.
 *
 * @param <E> the entity of the listing
 */
public abstract class DuplicateCheck<E> {

    private final DuplicateIndex<E> index;
    private final PanacheRepositoryBase<E, UUID> records;
    private final DuplicateConfig config;
    private final DuplicateTexts texts;

    protected DuplicateCheck(DuplicateIndex<E> index, PanacheRepositoryBase<E, UUID> records, DuplicateConfig config,
            Listing listing) {
        this.index = index;
        this.records = records;
        this.config = config;
        this.texts = listing == null ? null : listing.duplicates();
    }

    /** For the client proxy only. */
    protected DuplicateCheck() {
        this(null, null, null, null);
    }

    /** Whether the record can no longer be duplicated (withdrawn, closed, merged into another). */
    protected abstract boolean closed(E record);

    /** Which of these records the caller of the current request may read in full. */
    protected abstract Predicate<E> readableByCaller(List<E> records);

    /** Which of these records an organisation (with {@code seesEverything}: a broker or admin) may read in full. */
    protected abstract Predicate<E> readableBy(String organisationId, boolean seesEverything, Collection<E> records);

    /** The record as one who may read it in full sees it as a candidate ({@link DuplicateCandidate#of}). */
    protected abstract DuplicateCandidate shown(E record, DuplicateRules.Verdict verdict);

    /** The candidates for a record with this content, most similar first, as the caller may see them. */
    public List<DuplicateCandidate> candidates(Fingerprint probe, UUID exclude) {
        Set<UUID> ids = new LinkedHashSet<>(index.samePatent(probe.patents(), exclude));
        ids.addAll(index.similar(probe, exclude, config.shortlist()));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Hit<E>> hits = new ArrayList<>();
        for (E candidate : load(ids)) {
            if (closed(candidate)) {
                continue;
            }
            DuplicateRules.Verdict verdict = judge(probe, index.fingerprintOf(candidate));
            if (verdict.duplicate()) {
                hits.add(new Hit<>(candidate, index.idOf(candidate), verdict));
            }
        }
        List<Hit<E>> top = top(hits);
        return shown(top, readableByCaller(top.stream().map(Hit::record).toList()));
    }

    /**
     * The candidates for each of many records (the good rows of an import chunk), judged as
     * {@link #candidates} judges one, looked up together ({@link DuplicateIndex#offeredToEach}) with
     * what the job's earlier chunks looked up in {@code memory}. Each is shown as the uploader may see it.
     */
    @ActivateRequestContext // an import runs outside any request; the access rules are request scoped
    public List<List<DuplicateCandidate>> candidatesOfEach(List<Fingerprint> probes, String uploaderOrganisationId,
            boolean uploaderSeesEverything, DuplicateIndex.Memory memory) {
        List<List<DuplicateIndex.Described>> offered = index.offeredToEach(probes, config.shortlist(), memory);
        List<List<Hit<DuplicateIndex.Described>>> found = new ArrayList<>(probes.size());
        Set<UUID> shownIds = new LinkedHashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            List<Hit<DuplicateIndex.Described>> hits = new ArrayList<>();
            for (DuplicateIndex.Described candidate : offered.get(i)) {
                DuplicateRules.Verdict verdict = judge(probes.get(i), candidate.fingerprint());
                if (verdict.duplicate()) {
                    hits.add(new Hit<>(candidate, candidate.id(), verdict));
                }
            }
            List<Hit<DuplicateIndex.Described>> top = top(hits);
            top.forEach(h -> shownIds.add(h.id()));
            found.add(top);
        }
        // Only the candidates shown are loaded, to decide how much of each the uploader may see.
        Map<UUID, E> shown = new HashMap<>();
        if (!shownIds.isEmpty()) {
            load(shownIds).forEach(r -> shown.put(index.idOf(r), r));
        }
        Predicate<E> readable = readableBy(uploaderOrganisationId, uploaderSeesEverything, shown.values());
        List<List<DuplicateCandidate>> result = new ArrayList<>(probes.size());
        for (List<Hit<DuplicateIndex.Described>> hits : found) {
            List<Hit<E>> visible = new ArrayList<>(hits.size());
            for (Hit<DuplicateIndex.Described> hit : hits) {
                E record = shown.get(hit.id());
                if (record != null) {
                    visible.add(new Hit<>(record, hit.id(), hit.verdict()));
                }
            }
            result.add(shown(visible, readable));
        }
        return result;
    }

    /** The records of these ids, in any order. */
    private List<E> load(Collection<UUID> ids) {
        return records.list("id in ?1", ids);
    }

    /** The exact comparison of two records, by the configured thresholds. */
    public DuplicateRules.Verdict judge(Fingerprint probe, Fingerprint candidate) {
        return DuplicateRules.judge(probe, candidate, config.titleThreshold(), config.textThreshold());
    }

    public int maxCandidates() {
        return config.maxCandidates();
    }

    /** 409 possible-duplicate, the candidates in {@code context.candidates}. */
    public ProblemException possibleDuplicate(List<DuplicateCandidate> candidates) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, "possible-duplicate", "Possible duplicate",
                        texts.possibleDuplicateDetail(candidates.size()))
                .withContext(Map.of("candidates", candidates)));
    }

    /** A candidate of {@code record}, the record or {@link DuplicateIndex.Described} it stands for. */
    private record Hit<R>(R record, UUID id, DuplicateRules.Verdict verdict) {
    }

    /** The most similar first (ties by id), at most {@code max-candidates}. */
    private <R> List<Hit<R>> top(List<Hit<R>> hits) {
        hits.sort(Comparator.comparingDouble((Hit<R> h) -> h.verdict().similarity()).reversed()
                .thenComparing(Hit::id));
        return new ArrayList<>(hits.subList(0, Math.min(hits.size(), config.maxCandidates())));
    }

    /**
     * Each as far as the viewer may read it: in full, or anonymised (no id, no similarity). Those
     * read in full come first, most similar first, then the anonymised ones, so that neither their
     * similarity nor their place among the others tells how close they are.
     */
    private List<DuplicateCandidate> shown(List<Hit<E>> hits, Predicate<E> readable) {
        return hits.stream().map(h -> readable.test(h.record()) ? shown(h.record(), h.verdict())
                        : DuplicateCandidate.hidden(texts.hiddenTitle(), h.verdict()))
                .sorted(DuplicateCandidate.SHOWN_ORDER)
                .toList();
    }
}
