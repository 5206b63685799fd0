package io.techbridge.listing.disclosure;

import io.techbridge.listing.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/** The disclosures of the service's listings, through its {@link Disclosure} entity ({@link Listing#disclosure}). */
@ApplicationScoped
public class DisclosureRepository {

    private final EntityManager entityManager;
    private final String entity;

    public DisclosureRepository(EntityManager entityManager, Listing listing) {
        this.entityManager = entityManager;
        Class<? extends Disclosure> type = listing.disclosure();
        String name = type.getAnnotation(Entity.class).name();
        this.entity = name.isEmpty() ? type.getSimpleName() : name;
    }

    /** Records the disclosure; a repeated one (at-least-once delivery, a replay) changes nothing. */
    @Transactional
    public void grant(UUID listingId, String organisationId) {
        entityManager.createQuery("insert into " + entity + " (listingId, organisationId, disclosedAt)"
                        + " values (:listing, :organisation, :at) on conflict do nothing")
                .setParameter("listing", listingId)
                .setParameter("organisation", organisationId)
                .setParameter("at", Instant.now())
                .executeUpdate();
    }

    /** Which of these listings were disclosed to the organisation. */
    public Set<UUID> disclosedAmong(Collection<UUID> listingIds, String organisationId) {
        if (listingIds.isEmpty() || organisationId == null) {
            return Set.of();
        }
        return new HashSet<>(entityManager.createQuery("select d.listingId from " + entity
                        + " d where d.organisationId = :organisation and d.listingId in :ids", UUID.class)
                .setParameter("organisation", organisationId)
                .setParameter("ids", listingIds)
                .getResultList());
    }
}
