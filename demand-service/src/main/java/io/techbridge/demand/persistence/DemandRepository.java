package io.techbridge.demand.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.persistence.Filters;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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

    public record Page(List<Demand> items, long total) {
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
    public Page search(Filter filter, Viewer viewer, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
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
        if (filter.confidentiality() != null) {
            conditions.add("confidentiality = :confidentiality");
            parameters.and("confidentiality", filter.confidentiality());
        }
        if ((filter.organisationId() != null || filter.titleContains() != null) && !viewer.seesEverything()) {
            if (viewer.organisationId() == null) {
                conditions.add("confidentiality = :public");
            } else {
                conditions.add("(confidentiality = :public or organisationId = :viewer or id in "
                        + "(select d.listingId from DemandDisclosure d where d.organisationId = :viewer))");
                parameters.and("viewer", viewer.organisationId());
            }
            parameters.and("public", Confidentiality.PUBLIC);
        }
        if (!viewer.seesEverything()) {
            // Stale demands are listed only for their own organisation.
            if (viewer.organisationId() == null) {
                conditions.add("status <> :stale");
            } else {
                conditions.add("(status <> :stale or organisationId = :staleViewer)");
                parameters.and("staleViewer", viewer.organisationId());
            }
            parameters.and("stale", DemandStatus.STALE);
        }
        String query = String.join(" and ", conditions);
        Sort sort = Sort.descending("updatedAt").and("id");
        var panacheQuery = conditions.isEmpty() ? findAll(sort) : find(query, sort, parameters);
        long total = panacheQuery.count();
        List<Demand> items = panacheQuery.page(page.page(), page.size()).list();
        return new Page(items, total);
    }
}
