package io.techbridge.achievement.duplicates;

import io.techbridge.commons.duplicates.MinHash;
import io.techbridge.achievement.persistence.Achievement;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The candidate index of near-duplicates in PostgreSQL: the LSH buckets of each achievement's
 * MinHash signatures ({@code achievement_lsh}) and its normalised patent numbers
 * ({@code achievement_patent}), written in the transaction that writes the achievement. A look-up
 * reads only the rows of the probe's buckets, so it costs the same with 100 or 100,000 records.
 */
@ApplicationScoped
public class DuplicateIndex {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager entityManager;
    /** The achievements added by this thread's {@link #collecting} work, indexed together at its end. */
    private final ThreadLocal<List<Achievement>> collected = new ThreadLocal<>();

    public DuplicateIndex(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public static Fingerprint fingerprintOf(Achievement a) {
        return Fingerprint.of(a.title, a.summary, a.patentNumbers);
    }

    /** Writes the entries of a new achievement; must run in the transaction that stores it. */
    public void add(Achievement achievement) {
        List<Achievement> batch = collected.get();
        if (batch != null) {
            batch.add(achievement);
        } else {
            write(achievement, false);
        }
    }

    /**
     * Runs {@code work} (many creates in one transaction, such as a chunk of an import) with the
     * entries of the achievements it adds written together at its end: one flush of the records,
     * then one insert of all their buckets and one of all their patents, in the same transaction.
     * A flush and an insert per record would send each record's insert alone and defeat the
     * chunk's JDBC batching. If {@code work} fails nothing is written and the transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        if (collected.get() != null) {
            return work.get();
        }
        List<Achievement> batch = new ArrayList<>();
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

    private void writeAll(List<Achievement> batch) {
        if (batch.isEmpty()) {
            return;
        }
        // The rows must exist before the entries that refer to them.
        entityManager.flush();
        List<Short> bands = new ArrayList<>();
        List<Long> buckets = new ArrayList<>();
        List<UUID> bucketOwners = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<UUID> keyOwners = new ArrayList<>();
        for (Achievement achievement : batch) {
            Fingerprint fingerprint = fingerprintOf(achievement);
            long[] of = fingerprint.buckets();
            for (int band = 0; band < of.length; band++) {
                if (of[band] != 0) {
                    bands.add((short) band);
                    buckets.add(of[band]);
                    bucketOwners.add(achievement.id);
                }
            }
            for (String key : fingerprint.patents()) {
                keys.add(key);
                keyOwners.add(achievement.id);
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!bands.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO achievement_lsh (band, bucket, achievement_id)
                        SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::uuid[])""")) {
                    insert.setArray(1, connection.createArrayOf("smallint", bands.toArray()));
                    insert.setArray(2, connection.createArrayOf("bigint", buckets.toArray()));
                    insert.setArray(3, connection.createArrayOf("uuid", bucketOwners.toArray()));
                    insert.executeUpdate();
                }
            }
            if (!keys.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        INSERT INTO achievement_patent (patent_key, achievement_id)
                        SELECT * FROM unnest(?::varchar[], ?::uuid[])""")) {
                    insert.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
                    insert.setArray(2, connection.createArrayOf("uuid", keyOwners.toArray()));
                    insert.executeUpdate();
                }
            }
        });
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

    /**
     * {@link #similar} for many probes in one query: for each probe (by its index in the list) the
     * achievements sharing an LSH bucket with it, those sharing the most first, at most {@code limit}.
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
                    SELECT probe, achievement_id FROM (
                        SELECT p.probe, l.achievement_id,
                               row_number() OVER (PARTITION BY p.probe ORDER BY count(*) DESC, l.achievement_id) AS rank
                        FROM unnest(?::int[], ?::smallint[], ?::bigint[]) AS p (probe, band, bucket)
                        JOIN achievement_lsh l ON l.band = p.band AND l.bucket = p.bucket
                        JOIN achievement a ON a.id = l.achievement_id
                        WHERE a.status <> 'WITHDRAWN'
                        GROUP BY p.probe, l.achievement_id) ranked
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

    /** {@link #samePatent} for many probes in one query: for each probe (by index) the achievements naming one of its patents. */
    public Map<Integer, Set<UUID>> samePatentAsEach(List<Fingerprint> probes) {
        List<Integer> owners = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            for (String key : probes.get(i).patents()) {
                owners.add(i);
                keys.add(key);
            }
        }
        Map<Integer, Set<UUID>> found = new HashMap<>();
        if (owners.isEmpty()) {
            return found;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT DISTINCT p.probe, ap.achievement_id
                    FROM unnest(?::int[], ?::varchar[]) AS p (probe, patent_key)
                    JOIN achievement_patent ap ON ap.patent_key = p.patent_key
                    JOIN achievement a ON a.id = ap.achievement_id
                    WHERE a.status <> 'WITHDRAWN'""")) {
                query.setArray(1, connection.createArrayOf("integer", owners.toArray()));
                query.setArray(2, connection.createArrayOf("varchar", keys.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.computeIfAbsent(rows.getInt(1), k -> new LinkedHashSet<>())
                                .add(rows.getObject(2, UUID.class));
                    }
                }
            }
        });
        return found;
    }

    /** What the exact comparison needs of a registered achievement, read without loading the entity. */
    public record Described(UUID id, String organisationId, String status, String title, Fingerprint fingerprint) {
    }

    /**
     * The comparable content of these achievements (withdrawn ones left out), in one query and
     * without managed entities: an import's chunk may compare its rows with thousands of them.
     */
    public Map<UUID, Described> describe(Collection<UUID> ids) {
        Map<UUID, Described> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement("""
                    SELECT id, organisation_id, status, title, summary, patent_numbers::text FROM achievement
                    WHERE id = ANY (?) AND status <> 'WITHDRAWN'""")) {
                query.setArray(1, connection.createArrayOf("uuid", ids.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        String title = rows.getString(4);
                        found.put(id, new Described(id, rows.getString(2), rows.getString(3), title,
                                Fingerprint.of(title, rows.getString(5), patentNumbers(rows.getString(6)))));
                    }
                }
            }
        });
        return found;
    }

    private static List<String> patentNumbers(String json) {
        try {
            return json == null ? List.of() : List.of(JSON.readValue(json, String[].class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable patent numbers " + json, e);
        }
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
