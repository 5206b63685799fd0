package io.techbridge.achievement.duplicates;

import io.techbridge.commons.duplicates.DuplicateConfig;
import io.techbridge.achievement.api.AchievementViews;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.achievement.persistence.AchievementRepository;
import io.techbridge.achievement.security.AchievementAccess;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Finds the registered achievements a new one may duplicate, of any organisation: the index offers
 * candidates (same patent key; shared LSH buckets), each is then compared exactly
 * ({@link DuplicateRules}), and the caller sees each one only as far as it may read it.
 */
@ApplicationScoped
public class AchievementDuplicates {

    private final DuplicateIndex index;
    private final AchievementRepository repository;
    private final AchievementAccess access;
    private final DuplicateConfig config;

    public AchievementDuplicates(DuplicateIndex index, AchievementRepository repository, AchievementAccess access,
            DuplicateConfig config) {
        this.index = index;
        this.repository = repository;
        this.access = access;
        this.config = config;
    }

    /** The candidates for a record with this content, most similar first, as the caller may see them. */
    public List<DuplicateCandidate> candidates(String title, String summary, List<String> patentNumbers, UUID exclude) {
        Fingerprint probe = Fingerprint.of(title, summary, patentNumbers);
        Set<UUID> ids = new LinkedHashSet<>(index.samePatent(probe.patents(), exclude));
        ids.addAll(index.similar(probe, exclude, config.shortlist()));
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Hit> hits = new ArrayList<>();
        for (Achievement candidate : repository.list("id in ?1", ids)) {
            if (candidate.status == AchievementStatus.WITHDRAWN) {
                continue;
            }
            DuplicateRules.Verdict verdict = DuplicateRules.judge(probe, DuplicateIndex.fingerprintOf(candidate),
                    config.titleThreshold(), config.textThreshold());
            if (verdict.duplicate()) {
                hits.add(new Hit(candidate, verdict));
            }
        }
        hits.sort(Comparator.comparingDouble((Hit h) -> h.verdict().similarity()).reversed()
                .thenComparing(h -> h.achievement().id));
        List<Hit> top = hits.subList(0, Math.min(hits.size(), config.maxCandidates()));
        return shown(new ArrayList<>(top), access.rightsOver(top.stream().map(Hit::achievement).toList()));
    }

    /**
     * The candidates for each of many records (the good rows of an import chunk), judged as
     * {@link #candidates} judges one, looked up together ({@link DuplicateIndex#offeredToEach}) with
     * what the job's earlier chunks looked up in {@code memory}. Each is shown as {@code uploader} may see it.
     */
    @ActivateRequestContext // an import runs outside any request; the access rules are request scoped
    public List<List<DuplicateCandidate>> candidatesOfEach(List<Fingerprint> probes, String uploaderOrganisationId,
            boolean uploaderSeesEverything, DuplicateIndex.Memory memory) {
        List<List<DuplicateIndex.Described>> offered = index.offeredToEach(probes, config.shortlist(), memory);
        record Found(DuplicateIndex.Described candidate, DuplicateRules.Verdict verdict) {
        }
        List<List<Found>> found = new ArrayList<>(probes.size());
        Set<UUID> shownIds = new LinkedHashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            List<Found> hits = new ArrayList<>();
            for (DuplicateIndex.Described candidate : offered.get(i)) {
                DuplicateRules.Verdict verdict = DuplicateRules.judge(probes.get(i), candidate.fingerprint(),
                        config.titleThreshold(), config.textThreshold());
                if (verdict.duplicate()) {
                    hits.add(new Found(candidate, verdict));
                }
            }
            hits.sort(Comparator.comparingDouble((Found h) -> h.verdict().similarity()).reversed()
                    .thenComparing(h -> h.candidate().id()));
            List<Found> top = hits.subList(0, Math.min(hits.size(), config.maxCandidates()));
            top.forEach(h -> shownIds.add(h.candidate().id()));
            found.add(top);
        }
        // Only the candidates shown are loaded, to decide how much of each the uploader may see.
        Map<UUID, Achievement> shown = new HashMap<>();
        if (!shownIds.isEmpty()) {
            repository.list("id in ?1", shownIds).forEach(a -> shown.put(a.id, a));
        }
        AchievementViews.Rights rights = access.rightsOf(uploaderOrganisationId, uploaderSeesEverything, shown.values());
        List<List<DuplicateCandidate>> result = new ArrayList<>(probes.size());
        for (List<Found> hits : found) {
            result.add(hits.stream().map(h -> new Hit(shown.get(h.candidate().id()), h.verdict()))
                    .filter(h -> h.achievement() != null)
                    .map(h -> rights.maySee(h.achievement())
                            ? new DuplicateCandidate(h.achievement().id, h.achievement().title,
                                    h.achievement().organisationId, h.achievement().status.name(),
                                    h.verdict().similarity(), h.verdict().reasons())
                            : DuplicateCandidate.hidden(h.achievement().id, h.verdict().similarity(),
                                    h.verdict().reasons()))
                    .toList());
        }
        return result;
    }

    /** The exact comparison of two records of one import, by the create's thresholds. */
    public DuplicateRules.Verdict judge(Fingerprint probe, Fingerprint candidate) {
        return DuplicateRules.judge(probe, candidate, config.titleThreshold(), config.textThreshold());
    }

    public int maxCandidates() {
        return config.maxCandidates();
    }

    private record Hit(Achievement achievement, DuplicateRules.Verdict verdict) {
    }

    /** The most similar first, at most {@code maxCandidates}, each as far as the viewer may see it. */
    private List<DuplicateCandidate> shown(List<Hit> hits, AchievementViews.Rights rights) {
        hits.sort(Comparator.comparingDouble((Hit h) -> h.verdict().similarity()).reversed()
                .thenComparing(h -> h.achievement().id));
        return hits.subList(0, Math.min(hits.size(), config.maxCandidates())).stream()
                .map(h -> rights.maySee(h.achievement())
                        ? new DuplicateCandidate(h.achievement().id, h.achievement().title,
                                h.achievement().organisationId, h.achievement().status.name(),
                                h.verdict().similarity(), h.verdict().reasons())
                        : DuplicateCandidate.hidden(h.achievement().id, h.verdict().similarity(),
                                h.verdict().reasons()))
                .toList();
    }

    /** 409 possible-duplicate, the candidates in {@code context.candidates}. */
    public static ProblemException possibleDuplicate(List<DuplicateCandidate> candidates) {
        return new ProblemException(Problem.of(Response.Status.CONFLICT, "possible-duplicate", "Possible duplicate",
                        candidates.size() + " registered achievement(s) look like this one (same patent or similar"
                                + " title or text); check them, or send the request again with ?duplicates=confirmed"
                                + " to register it anyway")
                .withContext(Map.of("candidates", candidates)));
    }
}
