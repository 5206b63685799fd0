package io.techbridge.achievement.persistence;

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
    public void grant(UUID achievementId, String organisationId) {
        getEntityManager().createNativeQuery("""
                        INSERT INTO disclosure (achievement_id, organisation_id, disclosed_at)
                        VALUES (:achievement, :organisation, :at)
                        ON CONFLICT DO NOTHING""")
                .setParameter("achievement", achievementId)
                .setParameter("organisation", organisationId)
                .setParameter("at", Instant.now())
                .executeUpdate();
    }

    /** Which of these achievements were disclosed to the organisation. */
    public Set<UUID> disclosedAmong(Collection<UUID> achievementIds, String organisationId) {
        if (achievementIds.isEmpty() || organisationId == null) {
            return Set.of();
        }
        return new HashSet<>(getEntityManager().createQuery("""
                        select d.achievementId from Disclosure d
                        where d.organisationId = :organisation and d.achievementId in :ids""", UUID.class)
                .setParameter("organisation", organisationId)
                .setParameter("ids", achievementIds)
                .getResultList());
    }
}
