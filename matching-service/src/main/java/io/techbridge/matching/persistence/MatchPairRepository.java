package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.matching.domain.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class MatchPairRepository implements PanacheRepositoryBase<MatchPair, UUID> {

    /**
     * What a listing asks for. {@code partyOrganisationId} and {@code shownStatuses} narrow it to what the
     * caller may see: pairs its organisation is a party to, in those statuses (null: no narrowing).
     */
    public record Filter(MatchStatus status, String fieldCode, Double minScore, String demandId, String achievementId,
            String partyOrganisationId, Set<MatchStatus> shownStatuses) {

        public Filter(MatchStatus status, String fieldCode, Double minScore, String demandId, String achievementId) {
            this(status, fieldCode, minScore, demandId, achievementId, null, null);
        }

        public Filter restrictedTo(String organisationId, Set<MatchStatus> statuses) {
            return new Filter(status, fieldCode, minScore, demandId, achievementId, organisationId, statuses);
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

    /** The queue's cursors: of the list named so, keyed by score and id. */
    public static final String QUEUE = "matches";
    public static final int QUEUE_KEY_LENGTH = 2;

    /** A pair's place in the queue: its score, then its id. */
    public static List<Object> queueKeyOf(MatchPair pair) {
        return List.of(pair.score, pair.id);
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
        Sort sort = Sort.descending("score").and("id");
        var query = conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
        long total = query.count();
        if (!page.byCursor()) {
            return new Page(query.page(page.page(), page.size()).list(), total);
        }
        conditions.add("(score < :afterScore or (score = :afterScore and id > :afterId))");
        parameters.and("afterScore", page.after().number(0)).and("afterId", page.after().uuid(1));
        return new Page(find(String.join(" and ", conditions), sort, parameters).range(0, page.rowsToRead() - 1).list(),
                total);
    }
}
