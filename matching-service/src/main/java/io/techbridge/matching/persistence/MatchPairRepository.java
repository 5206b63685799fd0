package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.matching.workflow.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class MatchPairRepository implements PanacheRepositoryBase<MatchPair, UUID> {

    public record Filter(MatchStatus status, String fieldCode, Double minScore, String demandId, String achievementId) {
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

    /** The broker queue: best first. */
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
        Sort sort = Sort.descending("score").and("id");
        var query = conditions.isEmpty() ? findAll(sort) : find(String.join(" and ", conditions), sort, parameters);
        return new Page(query.page(page.page(), page.size()).list(), query.count());
    }
}
