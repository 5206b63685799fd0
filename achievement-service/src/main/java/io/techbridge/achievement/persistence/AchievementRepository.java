package io.techbridge.achievement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.persistence.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
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

    /** Who reads the listing: drafts and stale achievements are listed only for their own organisation, or for brokers and admins. */
    public record Viewer(String organisationId, boolean seesEverything) {
    }

    public record Page(List<Achievement> items, long total) {
    }

    /** Locks the row so that concurrent changes are applied one after the other, each with its own version. */
    public Optional<Achievement> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Locks up to {@code limit} published achievements last changed before {@code cutoff}, least
     * recently changed first. Rows another transaction holds (an edit, or the job of another
     * instance) are skipped, not waited for. Served by the partial index {@code achievement_stale_due_idx}.
     */
    @SuppressWarnings("unchecked")
    public List<Achievement> lockDueForStaleness(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM achievement
                        WHERE status = 'PUBLISHED' AND updated_at < :cutoff
                        ORDER BY updated_at, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Achievement.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
    }

    public Page search(Filter filter, Viewer viewer, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (!viewer.seesEverything()) {
            if (viewer.organisationId() == null) {
                conditions.add("status not in :hidden");
            } else {
                conditions.add("(status not in :hidden or organisationId = :viewer)");
                parameters.and("viewer", viewer.organisationId());
            }
            parameters.and("hidden", List.of(AchievementStatus.DRAFT, AchievementStatus.STALE));
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
