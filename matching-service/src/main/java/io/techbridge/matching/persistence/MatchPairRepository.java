package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.matching.domain.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

@ApplicationScoped
public class MatchPairRepository implements PanacheRepositoryBase<MatchPair, UUID> {

    /** The queue's orders: best first (the default), newest first, or by the next step's date (pairs with one). */
    public enum QueueSort {
        SCORE, NEWEST, DUE
    }

    /**
     * What a listing asks for. {@code partyOrganisationId} and {@code shownStatuses} narrow it to what the
     * caller may see: pairs its organisation is a party to, in those statuses (null: no narrowing).
     * {@code assigneeId} keeps the pairs of one broker, {@code unassigned} those of none; {@code dueBy}
     * those whose next step falls on or before that day; {@code text} those whose demand or achievement
     * has it in its title or organisation's name.
     */
    public record Filter(MatchStatus status, String fieldCode, Double minScore, String demandId, String achievementId,
            String partyOrganisationId, Set<MatchStatus> shownStatuses, String assigneeId, boolean unassigned,
            LocalDate dueBy, String text, QueueSort sort) {

        public Filter(MatchStatus status, String fieldCode, Double minScore, String demandId, String achievementId) {
            this(status, fieldCode, minScore, demandId, achievementId, null, null, null, false, null, null, QueueSort.SCORE);
        }

        public Filter restrictedTo(String organisationId, Set<MatchStatus> statuses) {
            return new Filter(status, fieldCode, minScore, demandId, achievementId, organisationId, statuses, assigneeId,
                    unassigned, dueBy, text, sort);
        }

        public Filter followUp(String assigneeId, boolean unassigned, LocalDate dueBy, String text, QueueSort sort) {
            return new Filter(status, fieldCode, minScore, demandId, achievementId, partyOrganisationId, shownStatuses,
                    assigneeId, unassigned, dueBy, text, sort == null ? QueueSort.SCORE : sort);
        }

        /** Whether it asks for what only brokers and admins may filter by (assignment, next steps, text). */
        public boolean asksForFollowUp() {
            return assigneeId != null || unassigned || dueBy != null || text != null || sort == QueueSort.DUE;
        }
    }

    public record Page(List<MatchPair> items, long total) {
    }

    public Optional<MatchPair> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Optional<MatchPair> findPair(String demandId, String achievementId) {
        return find("demandId = ?1 and achievementId = ?2", demandId, achievementId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /** A pair's key: its demand and its achievement. */
    public record PairKey(String demandId, String achievementId) {
    }

    /**
     * Those of these pairs that exist, once no other transaction may be creating one of them: takes a
     * lock on each key until this transaction ends, all in one statement and in one order, so of two
     * workers that find the same new pair from its two sides, the second waits for the first to commit
     * and then reads its pair, where it would otherwise fail on the unique key and redo its whole task.
     */
    public List<MatchPair> findPairsLockingTheirKeys(Collection<PairKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        // A sorted subquery is not flattened, so the locks are taken in its order by every caller.
        String values = IntStream.rangeClosed(1, keys.size()).mapToObj(i -> "(?" + i + ")")
                .collect(Collectors.joining(", "));
        var lock = getEntityManager().createNativeQuery("SELECT count(pg_advisory_xact_lock(hashtextextended(k, 0))) "
                + "FROM (SELECT k FROM (VALUES " + values + ") AS v(k) ORDER BY k) AS ordered");
        int position = 1;
        for (PairKey key : keys) {
            lock.setParameter(position++, "match_pair:" + key.demandId() + ":" + key.achievementId());
        }
        lock.getSingleResult();
        Set<String> demands = keys.stream().map(PairKey::demandId).collect(Collectors.toSet());
        Set<String> achievements = keys.stream().map(PairKey::achievementId).collect(Collectors.toSet());
        return find("demandId in ?1 and achievementId in ?2", demands, achievements)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().stream()
                .filter(pair -> keys.contains(new PairKey(pair.demandId, pair.achievementId))).toList();
    }

    public List<MatchPair> forDemand(String demandId) {
        return find("demandId", demandId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<MatchPair> forAchievement(String achievementId) {
        return find("achievementId", achievementId).withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /**
     * Of the given demands (all when null), those whose introduction to an achievement of the
     * organisation was accepted: the organisation may see them in full.
     */
    public Set<String> disclosedDemands(String achievementOrganisationId, Collection<String> demandIds) {
        if (demandIds != null && demandIds.isEmpty()) {
            return Set.of();
        }
        String query = "select distinct p.demandId from MatchPair p where p.achievementOrganisationId = :organisation"
                + " and p.introductionAcceptedAt is not null" + (demandIds == null ? "" : " and p.demandId in :demands");
        var typed = getEntityManager().createQuery(query, String.class).setParameter("organisation", achievementOrganisationId);
        if (demandIds != null) {
            typed.setParameter("demands", Set.copyOf(demandIds));
        }
        return Set.copyOf(typed.getResultList());
    }

    /** The queue's cursors: of the list named after its order, keyed by that order's value and the id. */
    public static final int QUEUE_KEY_LENGTH = 2;

    public static String queueListOf(QueueSort sort) {
        return switch (sort == null ? QueueSort.SCORE : sort) {
            case SCORE -> "matches";
            case NEWEST -> "matches-newest";
            case DUE -> "matches-due";
        };
    }

    /** A pair's place in the queue ordered so: its score (creation time, next step's date), then its id. */
    public static java.util.function.Function<MatchPair, List<?>> queueKeyOf(QueueSort sort) {
        return switch (sort == null ? QueueSort.SCORE : sort) {
            case SCORE -> pair -> List.of(pair.score, pair.id);
            case NEWEST -> pair -> List.of(pair.createdAt, pair.id);
            case DUE -> pair -> List.of(String.valueOf(pair.nextStepOn), pair.id);
        };
    }

    private static LocalDate afterDate(PageRequest page) {
        try {
            return LocalDate.parse(page.after().text(0));
        } catch (java.time.format.DateTimeParseException e) {
            throw io.techbridge.commons.problem.Problems.invalidQuery("cursor", "Cursor", "is not a cursor of this list");
        }
    }

    private static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * The broker queue: best first (ties by id), and how many pairs it holds. After a cursor, the pairs
     * that come after its key in that order, one more than the page to tell whether more follow.
     */
    public Page search(Filter filter, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.fieldCode() != null) {
            conditions.add("(fieldCode = :field or fieldCode like :fieldPrefix)");
            parameters.and("field", filter.fieldCode()).and("fieldPrefix", filter.fieldCode() + ".%");
        }
        if (filter.minScore() != null) {
            conditions.add("score >= :minScore");
            parameters.and("minScore", filter.minScore());
        }
        if (filter.demandId() != null) {
            conditions.add("demandId = :demand");
            parameters.and("demand", filter.demandId());
        }
        if (filter.achievementId() != null) {
            conditions.add("achievementId = :achievement");
            parameters.and("achievement", filter.achievementId());
        }
        if (filter.partyOrganisationId() != null) {
            conditions.add("(demandOrganisationId = :party or achievementOrganisationId = :party)");
            parameters.and("party", filter.partyOrganisationId());
        }
        if (filter.shownStatuses() != null) {
            conditions.add("status in :shown");
            parameters.and("shown", filter.shownStatuses());
        }
        if (filter.assigneeId() != null) {
            conditions.add("assigneeId = :assignee");
            parameters.and("assignee", filter.assigneeId());
        }
        if (filter.unassigned()) {
            conditions.add("assigneeId is null");
        }
        if (filter.dueBy() != null) {
            conditions.add("nextStepOn <= :dueBy");
            parameters.and("dueBy", filter.dueBy());
        }
        if (filter.sort() == QueueSort.DUE) {
            conditions.add("nextStepOn is not null");
        }
        if (filter.text() != null) {
            // Titles and organisation names as the last applied versions carry them (see IndexedRecord).
            conditions.add("""
                    exists (select 1 from IndexedRecord r where (
                        (r.key.aggregateType = 'Demand' and r.key.aggregateId = demandId)
                        or (r.key.aggregateType = 'Achievement' and r.key.aggregateId = achievementId))
                      and (lower(r.title) like :text escape '\\' or lower(r.organisationName) like :text escape '\\'))""");
            parameters.and("text", "%" + likeEscaped(filter.text().toLowerCase(java.util.Locale.ROOT)) + "%");
        }
        QueueSort order = filter.sort() == null ? QueueSort.SCORE : filter.sort();
        Sort sort = switch (order) {
            case SCORE -> Sort.descending("score").and("id");
            case NEWEST -> Sort.descending("createdAt").and("id");
            case DUE -> Sort.ascending("nextStepOn").and("id");
        };
        var query = conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
        long total = query.count();
        if (!page.byCursor()) {
            return new Page(query.page(page.page(), page.size()).list(), total);
        }
        switch (order) {
            case SCORE -> {
                conditions.add("(score < :afterScore or (score = :afterScore and id > :afterId))");
                parameters.and("afterScore", page.after().number(0));
            }
            case NEWEST -> {
                conditions.add("(createdAt < :afterTime or (createdAt = :afterTime and id > :afterId))");
                parameters.and("afterTime", page.after().instant(0));
            }
            case DUE -> {
                conditions.add("(nextStepOn > :afterDate or (nextStepOn = :afterDate and id > :afterId))");
                parameters.and("afterDate", afterDate(page));
            }
        }
        parameters.and("afterId", page.after().uuid(1));
        return new Page(find(String.join(" and ", conditions), sort, parameters).range(0, page.rowsToRead() - 1).list(),
                total);
    }
}
