package io.techbridge.achievement.duplicates;

import io.techbridge.commons.duplicates.MinHash;
import io.techbridge.achievement.persistence.Achievement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The candidate index of near-duplicates in PostgreSQL: the LSH buckets of each achievement's
 * MinHash signatures ({@code achievement_lsh}) and its normalised patent numbers
 * ({@code achievement_patent}), written in the transaction that writes the achievement. A look-up
 * reads only the rows of the probe's buckets, so it costs the same with 100 or 100,000 records.
 */
@ApplicationScoped
public class DuplicateIndex {

    private final EntityManager entityManager;

    public DuplicateIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static Fingerprint fingerprintOf(Achievement a) {
        return Fingerprint.of(a.title, a.summary, a.patentNumbers);
    }

    /** Writes the entries of a new achievement; must run in the transaction that stores it. */
    public void add(Achievement achievement) {
        write(achievement, false);
    }

    /** Replaces the entries of a changed achievement; must run in the transaction that changed it. */
    public void replace(Achievement achievement) {
        write(achievement, true);
    }

    private void write(Achievement achievement, boolean replace) {
        // The row must exist before the entries that refer to it.
        entityManager.flush();
        if (replace) {
            entityManager.createNativeQuery("DELETE FROM achievement_lsh WHERE achievement_id = :id")
                    .setParameter("id", achievement.id).executeUpdate();
            entityManager.createNativeQuery("DELETE FROM achievement_patent WHERE achievement_id = :id")
                    .setParameter("id", achievement.id).executeUpdate();
        }
        Fingerprint fingerprint = fingerprintOf(achievement);
        String buckets = bucketRows(fingerprint.buckets(), ", :id)");
        if (!buckets.isEmpty()) {
            entityManager.createNativeQuery("INSERT INTO achievement_lsh (band, bucket, achievement_id) VALUES " + buckets)
                    .setParameter("id", achievement.id).executeUpdate();
        }
        List<String> keys = new ArrayList<>(fingerprint.patents());
        if (!keys.isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(:k").append(i).append(", :id)");
            }
            var insert = entityManager.createNativeQuery(
                    "INSERT INTO achievement_patent (patent_key, achievement_id) VALUES " + values);
            for (int i = 0; i < keys.size(); i++) {
                insert.setParameter("k" + i, keys.get(i));
            }
            insert.setParameter("id", achievement.id).executeUpdate();
        }
    }

    /**
     * Achievements sharing an LSH bucket with the fingerprint, those sharing the most first (the
     * share of common buckets estimates the similarity), at most {@code limit}; withdrawn ones
     * (merged ones included) are left out.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> similar(Fingerprint fingerprint, UUID exclude, int limit) {
        String buckets = bucketRows(fingerprint.buckets(), ")");
        if (buckets.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                        SELECT l.achievement_id FROM achievement_lsh l
                        JOIN achievement a ON a.id = l.achievement_id
                        WHERE (l.band, l.bucket) IN (%s) AND a.status <> 'WITHDRAWN' AND a.id <> :exclude
                        GROUP BY l.achievement_id
                        ORDER BY count(*) DESC, l.achievement_id
                        LIMIT :limit""".formatted(buckets), UUID.class)
                .setParameter("exclude", exclude == null ? new UUID(0, 0) : exclude)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** Achievements (not withdrawn) naming one of these patents. */
    @SuppressWarnings("unchecked")
    public List<UUID> samePatent(Set<String> patentKeys, UUID exclude) {
        if (patentKeys.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                        SELECT DISTINCT p.achievement_id FROM achievement_patent p
                        JOIN achievement a ON a.id = p.achievement_id
                        WHERE p.patent_key IN (:keys) AND a.status <> 'WITHDRAWN' AND a.id <> :exclude""", UUID.class)
                .setParameter("keys", patentKeys)
                .setParameter("exclude", exclude == null ? new UUID(0, 0) : exclude)
                .getResultList();
    }

    /**
     * Indexes a batch of achievements that have no entries yet, in one transaction.
     *
     * @return how many got entries (one without any text to index gets none and is not counted)
     */
    @Transactional
    public int indexUnindexed(int limit) {
        int indexed = 0;
        for (UUID id : unindexed(limit)) {
            Achievement achievement = entityManager.find(Achievement.class, id);
            write(achievement, true);
            if (fingerprintOf(achievement).buckets().length > 0) {
                indexed++;
            }
        }
        return indexed;
    }

    /** Achievements without index entries (registered before the index existed), oldest first. */
    @SuppressWarnings("unchecked")
    public List<UUID> unindexed(int limit) {
        return entityManager.createNativeQuery("""
                        SELECT a.id FROM achievement a
                        WHERE NOT EXISTS (SELECT 1 FROM achievement_lsh l WHERE l.achievement_id = a.id)
                        ORDER BY a.created_at, a.id
                        LIMIT :limit""", UUID.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /** {@code (band, bucket<suffix>} for every band that has a signature; the numbers are ours, never user input. */
    private static String bucketRows(long[] buckets, String suffix) {
        Collection<String> rows = new ArrayList<>();
        for (int band = 0; band < buckets.length; band++) {
            if (buckets[band] != 0) {
                rows.add("(" + band + ", " + buckets[band] + suffix);
            }
        }
        return String.join(", ", rows);
    }
}
