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
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.Comparator;
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
        record Hit(Achievement achievement, DuplicateRules.Verdict verdict) {
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
        List<Hit> shown = hits.subList(0, Math.min(hits.size(), config.maxCandidates()));
        AchievementViews.Rights rights = access.rightsOver(shown.stream().map(Hit::achievement).toList());
        return shown.stream().map(h -> rights.maySee(h.achievement())
                ? new DuplicateCandidate(h.achievement().id, h.achievement().title, h.achievement().organisationId,
                        h.achievement().status.name(), h.verdict().similarity(), h.verdict().reasons())
                : DuplicateCandidate.hidden(h.achievement().id, h.verdict().similarity(), h.verdict().reasons()))
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
