package io.techbridge.demand.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The achievements the demand library knows of (table {@code known_achievement}, fed by
 * achievement-events): whose each one is and whether it is published. Each row keeps the newest
 * version seen, so a redelivered or older event never rolls it back.
 */
@ApplicationScoped
public class KnownAchievements {

    /** The status of an achievement a challenge application may cite (achievement-service's PUBLISHED). */
    public static final String PUBLISHED = "PUBLISHED";

    private final EntityManager entityManager;

    public KnownAchievements(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Records what one version of an achievement says, unless a newer version is known already. */
    @Transactional
    public void record(UUID achievementId, String organisationId, String status, long version) {
        entityManager.createNativeQuery("""
                        INSERT INTO known_achievement (achievement_id, organisation_id, status, version, updated_at)
                        VALUES (?1, ?2, ?3, ?4, now())
                        ON CONFLICT (achievement_id) DO UPDATE SET organisation_id = excluded.organisation_id,
                            status = excluded.status, version = excluded.version, updated_at = excluded.updated_at
                        WHERE known_achievement.version < excluded.version""")
                .setParameter(1, achievementId).setParameter(2, organisationId).setParameter(3, status)
                .setParameter(4, version).executeUpdate();
    }

    /** Which of {@code ids} are published achievements of {@code organisationId}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<UUID> publishedOf(String organisationId, Collection<UUID> ids) {
        if (ids.isEmpty() || organisationId == null) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> found = entityManager.createNativeQuery("""
                        SELECT achievement_id FROM known_achievement
                        WHERE organisation_id = :organisation AND status = :status AND achievement_id IN (:ids)""",
                        UUID.class)
                .setParameter("organisation", organisationId).setParameter("status", PUBLISHED)
                .setParameter("ids", List.copyOf(ids))
                .getResultList();
        return new HashSet<>(found);
    }
}
