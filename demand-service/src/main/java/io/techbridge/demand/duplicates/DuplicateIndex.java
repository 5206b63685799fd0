package io.techbridge.demand.duplicates;

import io.techbridge.commons.duplicates.MinHash;
import io.techbridge.demand.persistence.Demand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The candidate index of near-duplicate demands in PostgreSQL: the LSH buckets of each demand's
 * MinHash signatures ({@code demand_lsh}), written in the transaction that writes the demand. A
 * look-up reads only the rows of the probe's buckets, so it costs the same with 100 or 100,000 demands.
 */
@ApplicationScoped
public class DuplicateIndex {

    private final EntityManager entityManager;

    public DuplicateIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static Fingerprint fingerprintOf(Demand d) {
        return Fingerprint.of(d.title, d.problem);
    }

    /** Writes the entries of a new demand; must run in the transaction that stores it. */
    public void add(Demand demand) {
        write(demand, false);
    }

    /** Replaces the entries of a changed demand; must run in the transaction that changed it. */
    public void replace(Demand demand) {
        write(demand, true);
    }

    private void write(Demand demand, boolean replace) {
        // The row must exist before the entries that refer to it.
        entityManager.flush();
        if (replace) {
            entityManager.createNativeQuery("DELETE FROM demand_lsh WHERE demand_id = :id")
                    .setParameter("id", demand.id).executeUpdate();
        }
        String buckets = bucketRows(fingerprintOf(demand).buckets(), ", :id)");
        if (!buckets.isEmpty()) {
            entityManager.createNativeQuery("INSERT INTO demand_lsh (band, bucket, demand_id) VALUES " + buckets)
                    .setParameter("id", demand.id).executeUpdate();
        }
    }

    /**
     * Demands sharing an LSH bucket with the fingerprint, those sharing the most first (the share
     * of common buckets estimates the similarity), at most {@code limit}; closed ones (merged ones
     * included) are left out.
     */
    @SuppressWarnings("unchecked")
    public List<UUID> similar(Fingerprint fingerprint, UUID exclude, int limit) {
        String buckets = bucketRows(fingerprint.buckets(), ")");
        if (buckets.isEmpty()) {
            return List.of();
        }
        return entityManager.createNativeQuery("""
                        SELECT l.demand_id FROM demand_lsh l
                        JOIN demand d ON d.id = l.demand_id
                        WHERE (l.band, l.bucket) IN (%s) AND d.status <> 'CLOSED' AND d.id <> :exclude
                        GROUP BY l.demand_id
                        ORDER BY count(*) DESC, l.demand_id
                        LIMIT :limit""".formatted(buckets), UUID.class)
                .setParameter("exclude", exclude == null ? new UUID(0, 0) : exclude)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * Indexes a batch of demands that have no entries yet, in one transaction.
     *
     * @return how many got entries (one without any text to index gets none and is not counted)
     */
    @Transactional
    public int indexUnindexed(int limit) {
        int indexed = 0;
        for (UUID id : unindexed(limit)) {
            Demand demand = entityManager.find(Demand.class, id);
            write(demand, true);
            if (fingerprintOf(demand).buckets().length > 0) {
                indexed++;
            }
        }
        return indexed;
    }

    @SuppressWarnings("unchecked")
    private List<UUID> unindexed(int limit) {
        return entityManager.createNativeQuery("""
                        SELECT d.id FROM demand d
                        WHERE NOT EXISTS (SELECT 1 FROM demand_lsh l WHERE l.demand_id = d.id)
                        ORDER BY d.created_at, d.id
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
