package io.techbridge.demand.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class DisclosureRepository implements PanacheRepositoryBase<Disclosure, Disclosure.Key> {

    /** Records the disclosure; a repeated one (at-least-once delivery, a replay) changes nothing. */
    @Transactional
    public void grant(UUID demandId, String organisationId) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO disclosure (demand_id, organisation_id, disclosed_at)
                        VALUES (:demand, :organisation, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("demand", demandId)
                .setParameter("organisation", organisationId)
                .setParameter("at", Instant.now())
                .executeUpdate();
    }

    /** Which of these demands were disclosed to the organisation. */
    public Set<UUID> disclosedAmong(Collection<UUID> demandIds, String organisationId) {
        if (demandIds.isEmpty() || organisationId == null) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery("""
                        select d.demandId from Disclosure d
                        where d.organisationId = :organisation and d.demandId in :ids""", UUID.class)
                .setParameter("organisation", organisationId)
                .setParameter("ids", demandIds)
                .getResultList());
    }
}
