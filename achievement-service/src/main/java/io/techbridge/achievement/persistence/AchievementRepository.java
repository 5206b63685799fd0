package io.techbridge.achievement.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.listing.query.ListingQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
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

    public ListingQuery.Page<Achievement> search(Filter filter, Viewer viewer, PageRequest page) {
        ListingQuery query = new ListingQuery();
        if (!viewer.seesEverything()) {
            if (viewer.organisationId() == null) {
                query.where("status not in :hidden");
            } else {
                query.where("(status not in :hidden or organisationId = :viewer)").with("viewer", viewer.organisationId());
            }
            query.with("hidden", List.of(AchievementStatus.DRAFT, AchievementStatus.STALE));
        }
        return query.filters(filter.fieldCode(), filter.status(), filter.organisationId(), filter.regionCode(),
                filter.titleContains()).page(this, page);
    }
}
