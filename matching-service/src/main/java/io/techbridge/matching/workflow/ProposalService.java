package io.techbridge.matching.workflow;

import io.techbridge.events.MatchPayload;
import io.techbridge.matching.domain.ListingType;
import io.techbridge.matching.persistence.ProposalTasks;
import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.ScoredPair;
import io.techbridge.matching.persistence.IndexedRecord;
import io.techbridge.matching.persistence.IndexedRecordRepository;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import io.techbridge.matching.persistence.MatchTransition;
import io.techbridge.matching.persistence.MatchTransitionRepository;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Keeps the proposals of a record current when it is created or changes (recomputed by the
 * {@link ProposalWorker} from the queue that {@link #record} fills): new good pairs become
 * PROPOSED, proposals that fell below the threshold or whose other side left the pool are
 * WITHDRAWN, and pairs a broker has decided are left as the broker left them (a REJECTED pair is
 * never proposed again). Recording a version is idempotent: an old or repeated one changes nothing.
 */
@ApplicationScoped
public class ProposalService {

    public static final String MATCHER_ACTOR = "matcher";

    private final MatchPairRepository pairs;
    private final MatchTransitionRepository transitions;
    private final IndexedRecordRepository records;
    private final Matcher matcher;
    private final DocumentIndexer indexer;
    private final MatchingConfig config;
    private final MatchEvents events;
    private final MatchViews views;
    private final ProposalTasks tasks;
    private final Event<ProposalTasks.Queued> queued;

    public ProposalService(MatchPairRepository pairs, MatchTransitionRepository transitions,
            IndexedRecordRepository records, Matcher matcher, DocumentIndexer indexer, MatchingConfig config,
            MatchEvents events, MatchViews views, ProposalTasks tasks, Event<ProposalTasks.Queued> queued) {
        this.tasks = tasks;
        this.queued = queued;
        this.pairs = pairs;
        this.transitions = transitions;
        this.records = records;
        this.matcher = matcher;
        this.indexer = indexer;
        this.config = config;
        this.events = events;
        this.views = views;
    }

    /**
     * Records the applied versions and queues the records whose proposals must be recomputed, in
     * one transaction; versions at or below the applied one are duplicates and change nothing, and
     * a version that changes nothing a pair is scored from (its inventors, say) queues nothing.
     * Returns how many versions were new.
     */
    @Transactional
    public int record(List<AchievementDocument> achievements, List<DemandDocument> demands) {
        int applied = 0;
        boolean queuedAny = false;
        for (AchievementDocument a : achievements) {
            Applied outcome = advance(ListingType.ACHIEVEMENT, a.id(), a.version(), a.organisationId(),
                    a.fieldCode(), a.regionCode(), a.status(), a.inPool(), a.createdAt(), a.updatedAt(), a.matchingInputs(),
                    a.title(), a.institution());
            applied += outcome == Applied.DUPLICATE ? 0 : 1;
            if (outcome == Applied.CHANGED) {
                tasks.enqueue(ListingType.ACHIEVEMENT, a.id(), a.version());
                queuedAny = true;
            }
        }
        for (DemandDocument d : demands) {
            Applied outcome = advance(ListingType.DEMAND, d.id(), d.version(), d.organisationId(),
                    d.fieldCode(), d.regionCode(), d.status(), d.inPool(), d.createdAt(), d.updatedAt(), d.matchingInputs(),
                    d.title(), d.enterprise());
            applied += outcome == Applied.DUPLICATE ? 0 : 1;
            if (outcome == Applied.CHANGED) {
                tasks.enqueue(ListingType.DEMAND, d.id(), d.version());
                queuedAny = true;
            }
        }
        if (queuedAny) {
            queued.fire(new ProposalTasks.Queued());
        }
        return applied;
    }

    /**
     * Adds to {@code existing} (keyed by the other side's id, {@code otherSide} of a found pair and
     * {@code otherSideOf} a stored one) the found pairs that a worker recomputing the other side created
     * since they were read; the new ones' keys stay locked, so nobody else creates them before this
     * transaction commits.
     */
    private void madeMeanwhile(List<ScoredPair> found, Map<String, MatchPair> existing, Function<ScoredPair, String> otherSide,
            Function<MatchPair, String> otherSideOf) {
        List<MatchPairRepository.PairKey> fresh = found.stream().filter(pair -> !existing.containsKey(otherSide.apply(pair)))
                .map(pair -> new MatchPairRepository.PairKey(pair.demandId(), pair.achievementId())).toList();
        pairs.findPairsLockingTheirKeys(fresh).forEach(made -> existing.put(otherSideOf.apply(made), made));
    }

    /** What a version did: nothing (a duplicate), only its bookkeeping, or what its pairs are scored from. */
    private enum Applied {
        DUPLICATE, UNCHANGED_INPUTS, CHANGED
    }

    /** Recomputes the proposals of an achievement, as it is indexed now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void proposeForAchievement(AchievementDocument achievement) {
        Map<String, MatchPair> existing = pairs.forAchievement(achievement.id()).stream()
                .collect(Collectors.toMap(p -> p.demandId, Function.identity()));
        if (!achievement.inPool()) {
            existing.values().forEach(p -> withdraw(p, "achievement is " + achievement.status()));
            return;
        }
        List<ScoredPair> candidates = matcher.forAchievement(achievement, config.maxProposalsPerRecord(), config.proposalThreshold());
        // The index may not show yet that a demand left the pool; the applied state decides (see lockPoolMembership).
        Map<String, Boolean> pool = records.lockPoolMembership(ListingType.DEMAND, Stream.concat(
                candidates.stream().map(ScoredPair::demandId), existing.keySet().stream()).toList());
        List<ScoredPair> found = candidates.stream().filter(p -> Boolean.TRUE.equals(pool.get(p.demandId()))).toList();
        madeMeanwhile(found, existing, ScoredPair::demandId, pair -> pair.demandId);
        found.forEach(pair -> propose(existing.get(pair.demandId()), pair));
        Set<String> foundIds = found.stream().map(ScoredPair::demandId).collect(Collectors.toSet());
        List<MatchPair> standing = existing.values().stream()
                .filter(p -> p.status == MatchStatus.PROPOSED && !foundIds.contains(p.demandId)).toList();
        standing.stream().filter(p -> Boolean.FALSE.equals(pool.get(p.demandId)))
                .forEach(p -> withdraw(p, "demand left the pool"));
        standing = standing.stream().filter(p -> p.status == MatchStatus.PROPOSED).toList();
        if (!standing.isEmpty()) {
            Map<String, DemandDocument> demands = indexer.demands(IndexAdmin.DEMANDS,
                    standing.stream().map(p -> p.demandId).toList());
            for (MatchPair pair : standing) {
                DemandDocument demand = demands.get(pair.demandId);
                if (demand == null || !demand.inPool()) {
                    withdraw(pair, "demand left the pool");
                } else {
                    recheck(pair, matcher.scorePairs(demand, List.of(achievement)).get(0));
                }
            }
        }
    }

    /** Recomputes the proposals of a demand, as it is indexed now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void proposeForDemand(DemandDocument demand) {
        Map<String, MatchPair> existing = pairs.forDemand(demand.id()).stream()
                .collect(Collectors.toMap(p -> p.achievementId, Function.identity()));
        if (!demand.inPool()) {
            existing.values().forEach(p -> withdraw(p, "demand is " + demand.status()));
            return;
        }
        List<ScoredPair> candidates = matcher.forDemand(demand, config.maxProposalsPerRecord(), config.proposalThreshold());
        // The index may not show yet that an achievement left the pool; the applied state decides (see lockPoolMembership).
        Map<String, Boolean> pool = records.lockPoolMembership(ListingType.ACHIEVEMENT, Stream.concat(
                candidates.stream().map(ScoredPair::achievementId), existing.keySet().stream()).toList());
        List<ScoredPair> found = candidates.stream().filter(p -> Boolean.TRUE.equals(pool.get(p.achievementId()))).toList();
        madeMeanwhile(found, existing, ScoredPair::achievementId, pair -> pair.achievementId);
        found.forEach(pair -> propose(existing.get(pair.achievementId()), pair));
        Set<String> foundIds = found.stream().map(ScoredPair::achievementId).collect(Collectors.toSet());
        List<MatchPair> standing = existing.values().stream()
                .filter(p -> p.status == MatchStatus.PROPOSED && !foundIds.contains(p.achievementId)).toList();
        standing.stream().filter(p -> Boolean.FALSE.equals(pool.get(p.achievementId)))
                .forEach(p -> withdraw(p, "achievement left the pool"));
        standing = standing.stream().filter(p -> p.status == MatchStatus.PROPOSED).toList();
        if (!standing.isEmpty()) {
            Map<String, AchievementDocument> achievements = indexer.achievements(IndexAdmin.ACHIEVEMENTS,
                    standing.stream().map(p -> p.achievementId).toList());
            List<AchievementDocument> stillInPool = achievements.values().stream().filter(AchievementDocument::inPool).toList();
            Map<String, ScoredPair> rescored = matcher.scorePairs(demand, stillInPool).stream()
                    .collect(Collectors.toMap(ScoredPair::achievementId, Function.identity()));
            for (MatchPair pair : standing) {
                ScoredPair now = rescored.get(pair.achievementId);
                if (now == null) {
                    withdraw(pair, "achievement left the pool");
                } else {
                    recheck(pair, now);
                }
            }
        }
    }

    private Applied advance(String type, String id, long version, String organisationId, String fieldCode,
            String regionCode, String status, boolean inPool, Instant createdAt, Instant updatedAt, String matchingInputs,
            String title, String organisationName) {
        IndexedRecord record = records.findForUpdate(type, id).orElse(null);
        if (record != null && record.version >= version) {
            return Applied.DUPLICATE;
        }
        Applied outcome = record != null && matchingInputs.equals(record.matchingInputs)
                ? Applied.UNCHANGED_INPUTS : Applied.CHANGED;
        boolean isNew = record == null;
        if (isNew) {
            record = new IndexedRecord();
            record.key = new IndexedRecord.Key(type, id);
            record.createdAt = createdAt != null ? createdAt : Instant.now();
        }
        record.version = version;
        record.organisationId = organisationId;
        record.fieldCode = fieldCode;
        record.regionCode = regionCode;
        record.status = status;
        record.inPool = inPool;
        record.updatedAt = updatedAt != null ? updatedAt : Instant.now();
        record.matchingInputs = matchingInputs;
        record.title = clip(title);
        record.organisationName = clip(organisationName);
        if (isNew) {
            records.persist(record);
        }
        return outcome;
    }

    private static String clip(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 500);
    }

    private void propose(MatchPair pair, ScoredPair found) {
        if (pair == null) {
            MatchPair created = new MatchPair();
            created.id = UUID.randomUUID();
            created.demandId = found.demandId();
            created.achievementId = found.achievementId();
            created.demandOrganisationId = found.demand().organisationId();
            created.achievementOrganisationId = found.achievement().organisationId();
            created.fieldCode = found.demand().fieldCode();
            created.regionCode = found.demand().regionCode();
            created.status = MatchStatus.PROPOSED;
            created.version = 1;
            created.createdAt = Instant.now();
            setScore(created, found);
            pairs.persist(created);
            record(created, null, null);
        } else if (pair.status == MatchStatus.WITHDRAWN) {
            setScore(pair, found);
            move(pair, MatchStatus.PROPOSED, "back above the threshold");
        } else if (pair.status == MatchStatus.PROPOSED) {
            recheck(pair, found);
        }
    }

    private void recheck(MatchPair pair, ScoredPair now) {
        if (now.score() < config.proposalThreshold()) {
            setScore(pair, now);
            move(pair, MatchStatus.WITHDRAWN, "score fell below the threshold");
            return;
        }
        String explanation = views.json(now.explanation());
        if (Math.abs(pair.score - now.score()) > 1e-4 || !explanation.equals(pair.explanation)) {
            setScore(pair, now);
            pair.version++;
            pair.updatedAt = Instant.now();
            events.record(MatchPayload.RESCORED, views.of(pair));
        }
    }

    private void withdraw(MatchPair pair, String why) {
        if (pair.status == MatchStatus.PROPOSED) {
            move(pair, MatchStatus.WITHDRAWN, why);
        }
    }

    private void move(MatchPair pair, MatchStatus to, String why) {
        MatchStatus from = pair.status;
        pair.status = to;
        pair.note = why;
        pair.version++;
        pair.updatedAt = Instant.now();
        record(pair, from, why);
    }

    private void record(MatchPair pair, MatchStatus from, String why) {
        MatchTransition transition = new MatchTransition();
        transition.matchId = pair.id;
        transition.fromStatus = from;
        transition.toStatus = pair.status;
        transition.actor = MATCHER_ACTOR;
        transition.note = why;
        transition.occurredAt = Instant.now();
        transitions.persist(transition);
        events.record(MatchEvents.typeOf(pair.status), views.of(pair));
    }

    private void setScore(MatchPair pair, ScoredPair scored) {
        pair.score = scored.score();
        pair.explanation = views.json(scored.explanation());
        if (pair.updatedAt == null) {
            pair.updatedAt = Instant.now();
        }
    }

    /** Pairs of a record, by the other side's id, for annotating live rankings with their pipeline state. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, MatchPair> pairsByOtherSide(String demandId, String achievementId) {
        Map<String, MatchPair> result = new HashMap<>();
        if (demandId != null) {
            pairs.list("demandId", demandId).forEach(p -> result.put(p.achievementId, p));
        } else {
            pairs.list("achievementId", achievementId).forEach(p -> result.put(p.demandId, p));
        }
        return result;
    }
}
