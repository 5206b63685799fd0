package io.techbridge.demand.duplicates;

import io.techbridge.commons.duplicates.MinHash;
import io.techbridge.demand.persistence.Demand;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The candidate index of near-duplicate demands in PostgreSQL: the LSH buckets of each demand's
 * MinHash signatures ({@code demand_lsh}), written in the transaction that writes the demand. A
 * look-up reads only the rows of the probe's buckets, so it costs the same with 100 or 100,000 demands.
 */
@ApplicationScoped
public class DuplicateIndex {

    private final EntityManager entityManager;
    /** The demands added by this thread's {@link #collecting} work, indexed together at its end. */
    private final ThreadLocal<List<Demand>> collected = new ThreadLocal<>();

    public DuplicateIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static Fingerprint fingerprintOf(Demand d) {
        return Fingerprint.of(d.title, d.problem);
    }

    /** Writes the entries of a new demand; must run in the transaction that stores it. */
    public void add(Demand demand) {
        List<Demand> batch = collected.get();
        if (batch != null) {
            batch.add(demand);
        } else {
            write(demand, false);
        }
    }

    /**
     * Runs {@code work} (many creates in one transaction, such as a chunk of an import) with the
     * entries of the demands it adds written together at its end: one flush of the records,
     * then one insert of all their buckets, in the same transaction.
     * A flush and an insert per record would send each record's insert alone and defeat the
     * chunk's JDBC batching. If {@code work} fails nothing is written and the transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        if (collected.get() != null) {
            return work.get();
        }
        List<Demand> batch = new ArrayList<>();
        collected.set(batch);
        T result;
        try {
            result = work.get();
        } finally {
            collected.remove();
        }
        writeAll(batch);
        return result;
    }

    private void writeAll(List<Demand> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // The rows must exist before the entries that refer to them.
        entityManager.flush();
        List<Short> bands = new ArrayList<>();
        List<Long> buckets = new ArrayList<>();
        List<UUID> bucketOwners = new ArrayList<>();
        for (Demand demand : batch) {
            Fingerprint fingerprint = fingerprintOf(demand);
            long[] of = fingerprint.buckets();
            for (int band = 0; band < of.length; band++) {
                if (of[band] != 0) {
                    bands.add((short) band);
                    buckets.add(of[band]);
                    bucketOwners.add(demand.id);
                }
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!bands.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO demand_lsh (band, bucket, demand_id)
                        SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::uuid[])""")) {
                    insert.setArray(1, connection.createArrayOf("smallint", bands.toArray()));
                    insert.setArray(2, connection.createArrayOf("bigint", buckets.toArray()));
                    insert.setArray(3, connection.createArrayOf("uuid", bucketOwners.toArray()));
                    insert.executeUpdate();
                }
            }
        });
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

    /**
     * {@link #similar} for many probes in one query: for each probe (by its index in the list) the
     * demands sharing an LSH bucket with it, those sharing the most first, at most {@code limit}.
     */
    public Map<Integer, List<UUID>> similarToEach(List<Fingerprint> probes, int limit) {
        List<Integer> owners = new ArrayList<>();
        List<Short> bands = new ArrayList<>();
        List<Long> buckets = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            long[] of = probes.get(i).buckets();
            for (int band = 0; band < of.length; band++) {
                if (of[band] != 0) {
                    owners.add(i);
                    bands.add((short) band);
                    buckets.add(of[band]);
                }
            }
        }
        Map<Integer, List<UUID>> found = new HashMap<>();
        if (owners.isEmpty()) {
            return found;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT probe, demand_id FROM (
                        SELECT p.probe, l.demand_id,
                               row_number() OVER (PARTITION BY p.probe ORDER BY count(*) DESC, l.demand_id) AS rank
                        FROM unnest(?::int[], ?::smallint[], ?::bigint[]) AS p (probe, band, bucket)
                        JOIN demand_lsh l ON l.band = p.band AND l.bucket = p.bucket
                        JOIN demand d ON d.id = l.demand_id
                        WHERE d.status <> 'CLOSED'
                        GROUP BY p.probe, l.demand_id) ranked
                    WHERE rank <= ?
                    ORDER BY probe, rank""")) {
                query.setArray(1, connection.createArrayOf("integer", owners.toArray()));
                query.setArray(2, connection.createArrayOf("smallint", bands.toArray()));
                query.setArray(3, connection.createArrayOf("bigint", buckets.toArray()));
                query.setInt(4, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(rows.getInt(1), k -> new ArrayList<>()).add(rows.getObject(2, UUID.class));
                    }
                }
            }
        });
        return found;
    }

    /** What the exact comparison needs of a posted demand, read without loading the entity. */
    public record Described(UUID id, String organisationId, String status, String title, Fingerprint fingerprint) {
    }

    /**
     * The comparable content of these demands (closed ones left out), in one query and
     * without managed entities: an import's chunk may compare its rows with thousands of them.
     */
    public Map<UUID, Described> describe(Collection<UUID> ids) {
        Map<UUID, Described> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, organisation_id, status, title, problem FROM demand
                    WHERE id = ANY (?) AND status <> 'CLOSED'""")) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        String title = rows.getString(4);
                        found.put(id, new Described(id, rows.getString(2), rows.getString(3), title,
                                Fingerprint.of(title, rows.getString(5))));
                    }
                }
            }
        });
        return found;
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
