package io.techbridge.achievement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.persistence.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AchievementRepository implements PanacheRepositoryBase<Achievement, UUID> {

    /** Filters of the listing; every one is optional. */
    public record Filter(String fieldCode, AchievementStatus status, String organisationId, String regionCode,
            String titleContains) {
    }

    /** Who reads the listing: drafts are listed only for their own organisation, or for brokers and admins. */
    public record Viewer(String organisationId, boolean seesEverything) {
    }

    public record Page(List<Achievement> items, long total) {
    }

    /** Locks the row so that concurrent changes are applied one after the other, each with its own version. */
    public Optional<Achievement> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public Page search(Filter filter, Viewer viewer, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!viewer.seesEverything()) {
            if (viewer.organisationId() == null) {
                conditions.add("status <> :draft");
            } else {
                conditions.add("(status <> :draft or organisationId = :viewer)");
                parameters.and("viewer", viewer.organisationId());
            }
            parameters.and("draft", AchievementStatus.DRAFT);
        }
        if (filter.fieldCode() != null) {
            // A top-level field (04) also finds its sub-fields (04.03).
            conditions.add("(fieldCode = :field or fieldCode like :fieldPrefix)");
            parameters.and("field", filter.fieldCode()).and("fieldPrefix", filter.fieldCode() + ".%");
        }
        if (filter.status() != null) {
            conditions.add("status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.organisationId() != null) {
            conditions.add("organisationId = :organisation");
            parameters.and("organisation", filter.organisationId());
        }
        if (filter.regionCode() != null) {
            conditions.add("regionCode like :region");
            parameters.and("region", Filters.regionPrefix(filter.regionCode()) + "%");
        }
        if (filter.titleContains() != null) {
            conditions.add("lower(title) like :title escape '\\'");
            parameters.and("title", Filters.containing(filter.titleContains()));
        }
        String query = String.join(" and ", conditions);
        Sort sort = Sort.descending("updatedAt").and("id");
        var panacheQuery = conditions.isEmpty() ? findAll(sort) : find(query, sort, parameters);
        long total = panacheQuery.count();
        List<Achievement> items = panacheQuery.page(page.page(), page.size()).list();
        return new Page(items, total);
    }
}
