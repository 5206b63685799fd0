package io.techbridge.demand.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.listing.query.ListingQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class DemandRepository implements PanacheRepositoryBase<Demand, UUID> {

    /** Filters of the listing; every one is optional. */
    public record Filter(String fieldCode, DemandStatus status, String organisationId, String regionCode,
            String titleContains, Confidentiality confidentiality) {
    }

    /** Who reads the listing (organisation null when anonymous). */
    public record Viewer(String organisationId, boolean seesEverything) {
    }

    /** Locks the row so that concurrent changes are applied one after the other, each with its own version. */
    public Optional<Demand> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Holds the row against changes (FOR SHARE) while several may read it: applications are
     * submitted side by side, but never while the challenge is being awarded or edited.
     */
    public Optional<Demand> findForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /**
     * Locks up to {@code limit} open, negotiating or stale demands whose last valid day was before
     * {@code today}. Rows another transaction holds (an edit, or the expiry job of another
     * instance) are skipped, not waited for, so no demand is expired twice and nobody blocks.
     * Served by the partial index {@code demand_expiry_idx}.
     */
    @SuppressWarnings("unchecked")
    public List<Demand> lockDueForExpiry(LocalDate today, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM demand
                        WHERE status IN ('OPEN', 'IN_NEGOTIATION', 'STALE') AND valid_until < :today
                        ORDER BY valid_until, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Demand.class)
                .setParameter("today", today)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Locks up to {@code limit} open demands last changed before {@code cutoff}, least recently
     * changed first, skipping rows another transaction holds. Served by {@code demand_stale_due_idx}.
     */
    @SuppressWarnings("unchecked")
    public List<Demand> lockDueForStaleness(Instant cutoff, int limit) {
        return getEntityManager().createNativeQuery("""
                        SELECT * FROM demand
                        WHERE status = 'OPEN' AND updated_at < :cutoff
                        ORDER BY updated_at, id
                        LIMIT :limit
                        FOR UPDATE SKIP LOCKED""", Demand.class)
                .setParameter("cutoff", cutoff)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * The listing. Every demand is listed (a confidential one the viewer may not read as a
     * summary), but searching by organisation or title text finds only what the viewer may read in
     * full: otherwise the answer would tell whose a confidential demand is, or what its title says.
     */
    public ListingQuery.Page<Demand> search(Filter filter, Viewer viewer, PageRequest page) {
        ListingQuery query = new ListingQuery().filters(filter.fieldCode(), filter.status(), filter.organisationId(),
                filter.regionCode(), filter.titleContains());
        if (filter.confidentiality() != null) {
            query.where("confidentiality = :confidentiality").with("confidentiality", filter.confidentiality());
        }
        if ((filter.organisationId() != null || filter.titleContains() != null) && !viewer.seesEverything()) {
            if (viewer.organisationId() == null) {
                query.where("confidentiality = :public");
            } else {
                query.where("(confidentiality = :public or organisationId = :viewer or id in "
                        + "(select d.listingId from DemandDisclosure d where d.organisationId = :viewer))")
                        .with("viewer", viewer.organisationId());
            }
            query.with("public", Confidentiality.PUBLIC);
        }
        if (!viewer.seesEverything()) {
            // Stale demands are listed only for their own organisation.
            if (viewer.organisationId() == null) {
                query.where("status <> :stale");
            } else {
                query.where("(status <> :stale or organisationId = :staleViewer)").with("staleViewer", viewer.organisationId());
            }
            query.with("stale", DemandStatus.STALE);
        }
        return query.page(this, page);
    }
}
