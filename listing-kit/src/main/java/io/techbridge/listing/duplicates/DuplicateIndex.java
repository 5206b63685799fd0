package io.techbridge.listing.duplicates;

import io.techbridge.commons.work.Collector;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The candidate index of near-duplicates in PostgreSQL: the LSH buckets of each record's MinHash
 * signatures ({@link IndexTables#buckets}) and its normalised patent numbers ({@link IndexTables#patents}),
 * written in the transaction that writes the record. A look-up reads only the rows of the probe's
 * buckets, at most {@code bucket-cap} + 1 of each (a fuller one is a stop bucket, {@link Memory}), so
 * it costs about the same with 100 or 100,000 records.
 * <p>
 * A service subclasses it as a bean for its entity: where the records are, and what a record is
 * compared by.
 *
 * @param <E> the entity of the listing
 */
public abstract class DuplicateIndex<E> {

    private final EntityManager entityManager;
    private final DuplicateConfig config;
    private final Class<E> type;
    private final IndexTables tables;
    /** The records added by this thread's {@link #collecting} work, indexed together at its end. */
    private final Collector<E> collected = new Collector<>();

    protected DuplicateIndex(EntityManager entityManager, DuplicateConfig config, Class<E> type, IndexTables tables) {
        this.entityManager = entityManager;
        this.config = config;
        this.type = type;
        this.tables = tables;
    }

    /** For the client proxy only. */
    protected DuplicateIndex() {
        this(null, null, null, null);
    }

    /** The record's id. */
    public abstract UUID idOf(E record);

    /** What the record is compared by. */
    public abstract Fingerprint fingerprintOf(E record);

    /** What a record is compared by, from its title and its {@link IndexTables#content} columns read as text. */
    protected abstract Fingerprint fingerprintOf(String title, List<String> content);

    /** Writes the entries of a new record; must run in the transaction that stores it. */
    public void add(E record) {
        if (!collected.add(record)) {
            write(record, false);
        }
    }

    /**
     * Runs {@code work} (many creates in one transaction, such as a chunk of an import) with the
     * entries of the records it adds written together at its end: one flush of the records, then
     * one insert of all their buckets and one of all their patents, in the same transaction. A
     * flush and an insert per record would send each record's insert alone and defeat the chunk's
     * JDBC batching. If {@code work} fails nothing is written and the transaction rolls back.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> T collecting(Supplier<T> work) {
        return collected.run(work, this::writeAll);
    }

    private void writeAll(List<E> batch) {
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
        for (E record : batch) {
            UUID id = idOf(record);
            Fingerprint fingerprint = fingerprintOf(record);
            long[] of = fingerprint.buckets();
            for (int band = 0; band < of.length; band++) {
                if (of[band] != 0) {
                    bands.add((short) band);
                    buckets.add(of[band]);
                    bucketOwners.add(id);
                }
            }
            for (String key : fingerprint.patents()) {
                keys.add(key);
                keyOwners.add(id);
            }
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            if (!bands.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + tables.buckets() + " (band, bucket, " + tables.owner() + ")"
                                + " SELECT * FROM unnest(?::smallint[], ?::bigint[], ?::uuid[])")) {
                    insert.setArray(1, connection.createArrayOf("smallint", bands.toArray()));
                    insert.setArray(2, connection.createArrayOf("bigint", buckets.toArray()));
                    insert.setArray(3, connection.createArrayOf("uuid", bucketOwners.toArray()));
                    insert.executeUpdate();
                }
            }
            if (!keys.isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO " + patentTable() + " (patent_key, " + tables.owner() + ")"
                                + " SELECT * FROM unnest(?::varchar[], ?::uuid[])")) {
                    insert.setArray(1, connection.createArrayOf("varchar", keys.toArray()));
                    insert.setArray(2, connection.createArrayOf("uuid", keyOwners.toArray()));
                    insert.executeUpdate();
                }
            }
        });
    }

    /** Replaces the entries of a changed record; must run in the transaction that changed it. */
    public void replace(E record) {
        write(record, true);
    }

    private void write(E record, boolean replace) {
        UUID id = idOf(record);
        // The row must exist before the entries that refer to it.
        entityManager.flush();
        if (replace) {
            entityManager.createNativeQuery("DELETE FROM " + tables.buckets() + " WHERE " + tables.owner() + " = :id")
                    .setParameter("id", id).executeUpdate();
            if (tables.patents() != null) {
                entityManager.createNativeQuery("DELETE FROM " + tables.patents() + " WHERE " + tables.owner() + " = :id")
                        .setParameter("id", id).executeUpdate();
            }
        }
        Fingerprint fingerprint = fingerprintOf(record);
        String buckets = bucketRows(fingerprint.buckets(), ", :id)");
        if (!buckets.isEmpty()) {
            entityManager.createNativeQuery("INSERT INTO " + tables.buckets() + " (band, bucket, " + tables.owner()
                            + ") VALUES " + buckets)
                    .setParameter("id", id).executeUpdate();
        }
        List<String> keys = new ArrayList<>(fingerprint.patents());
        if (!keys.isEmpty()) {
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < keys.size(); i++) {
                values.append(i == 0 ? "" : ", ").append("(:k").append(i).append(", :id)");
            }
            var insert = entityManager.createNativeQuery(
                    "INSERT INTO " + patentTable() + " (patent_key, " + tables.owner() + ") VALUES " + values);
            for (int i = 0; i < keys.size(); i++) {
                insert.setParameter("k" + i, keys.get(i));
            }
            insert.setParameter("id", id).executeUpdate();
        }
    }

    private String patentTable() {
        if (tables.patents() == null) {
            throw new IllegalStateException(tables.records() + " records have no patents to index");
        }
        return tables.patents();
    }

    /**
     * Records sharing an LSH bucket with the fingerprint, those sharing the most first (the share of
     * common buckets estimates the similarity), at most {@code limit}; closed ones (merged ones
     * included) and stop buckets ({@link Memory}) are left out.
     */
    public List<UUID> similar(Fingerprint fingerprint, UUID exclude, int limit) {
        return similarToEach(List.of(fingerprint), limit, memory(), new HashMap<>(), exclude).getOrDefault(0, List.of());
    }

    /** Records (not closed) naming one of these patents; none for a listing without patents. */
    @SuppressWarnings("unchecked")
    public List<UUID> samePatent(Set<String> patentKeys, UUID exclude) {
        if (patentKeys.isEmpty() || tables.patents() == null) {
            return List.of();
        }
        return entityManager.createNativeQuery(
                        "SELECT DISTINCT p." + tables.owner() + " FROM " + tables.patents() + " p"
                                + " JOIN " + tables.records() + " r ON r.id = p." + tables.owner()
                                + " WHERE p.patent_key IN (:keys) AND r.status <> '" + tables.closedStatus() + "'"
                                + " AND r.id <> :exclude", UUID.class)
                .setParameter("keys", patentKeys)
                .setParameter("exclude", exclude == null ? new UUID(0, 0) : exclude)
                .getResultList();
    }

    /**
     * Indexes a batch of records that have no entries yet, in one transaction.
     *
     * @return how many got entries (one without any text to index gets none and is not counted)
     */
    @Transactional
    public int indexUnindexed(int limit) {
        int indexed = 0;
        for (UUID id : unindexed(limit)) {
            E record = entityManager.find(type, id);
            write(record, true);
            if (fingerprintOf(record).buckets().length > 0) {
                indexed++;
            }
        }
        return indexed;
    }

    /** Records without index entries (written before the index existed), oldest first. */
    @SuppressWarnings("unchecked")
    public List<UUID> unindexed(int limit) {
        return entityManager.createNativeQuery(
                        "SELECT r.id FROM " + tables.records() + " r"
                                + " WHERE NOT EXISTS (SELECT 1 FROM " + tables.buckets() + " l WHERE l." + tables.owner()
                                + " = r.id) ORDER BY r.created_at, r.id LIMIT :limit", UUID.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    /**
     * What the look-ups of one import job remember from chunk to chunk (a create uses a fresh one):
     * the stop buckets met so far and the comparable content of the candidates read so far.
     * <p>
     * A stop bucket is one holding more than {@code techbridge.duplicates.bucket-cap} records. Its
     * records share nothing but common words (in the title, both minhashes of the band fell on
     * bigrams such as 制备, 方法, 需求 or 技术), so it carries no information about near-duplicates,
     * while reading it and ranking its records costs as much as all other buckets together. Look-ups
     * skip it; records alike enough to be duplicates share other, rarer buckets. A bucket only grows
     * during a job, so it stays a stop bucket for the rest of the job and is not read again.
     * <p>
     * A candidate's content is reused only at the version it was read at, so a record changed
     * during the job is read again; at most {@code techbridge.duplicates.import-cache-size} are kept.
     */
    public static final class Memory {

        private final int bucketCap;
        private final Map<BandBucket, Boolean> stopBuckets = new HashMap<>();
        private final Map<UUID, Described> described;

        Memory(int bucketCap, int cacheSize) {
            this.bucketCap = bucketCap;
            this.described = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, Described> eldest) {
                    return size() > cacheSize;
                }
            };
        }

        /** How many stop buckets the look-ups met so far. */
        public int stopBuckets() {
            return stopBuckets.size();
        }
    }

    private record BandBucket(short band, long bucket) {
    }

    /** A memory for one job's look-ups. */
    public Memory memory() {
        return new Memory(config.bucketCap(), config.importCacheSize());
    }

    /**
     * The index's candidates for each of many probes (the good rows of an import chunk), by index:
     * those naming one of its patents, then the {@code shortlist} sharing the most LSH buckets with
     * it ({@link #similar}), each once and with its comparable content; closed ones left out.
     * At most three queries for the whole chunk: the patents, the buckets not yet known to be stop
     * buckets, and the content of the candidates not yet in {@code memory}.
     */
    public List<List<Described>> offeredToEach(List<Fingerprint> probes, int shortlist, Memory memory) {
        Map<UUID, Long> versions = new HashMap<>();
        Map<Integer, Set<UUID>> samePatent = samePatentAsEach(probes, versions);
        Map<Integer, List<UUID>> similar = similarToEach(probes, shortlist, memory, versions, null);
        List<Set<UUID>> offered = new ArrayList<>(probes.size());
        Set<UUID> all = new HashSet<>();
        for (int i = 0; i < probes.size(); i++) {
            Set<UUID> ids = new LinkedHashSet<>(samePatent.getOrDefault(i, Set.of()));
            ids.addAll(similar.getOrDefault(i, List.of()));
            offered.add(ids);
            all.addAll(ids);
        }
        Map<UUID, Described> described = describe(all, versions, memory);
        List<List<Described>> result = new ArrayList<>(probes.size());
        for (Set<UUID> ids : offered) {
            List<Described> candidates = new ArrayList<>(ids.size());
            for (UUID id : ids) {
                Described candidate = described.get(id);
                if (candidate != null) {
                    candidates.add(candidate);
                }
            }
            result.add(candidates);
        }
        return result;
    }

    /**
     * For each probe (by index) the records sharing an LSH bucket with it that is not a stop
     * bucket, those sharing the most first (ties by id, as PostgreSQL orders uuids), at most
     * {@code limit}, not {@code exclude}; the version of each found goes to {@code versions}.
     */
    private Map<Integer, List<UUID>> similarToEach(List<Fingerprint> probes, int limit, Memory memory,
            Map<UUID, Long> versions, UUID exclude) {
        Map<BandBucket, List<UUID>> members = bucketMembers(probes, memory, versions);
        Map<Integer, List<UUID>> found = new HashMap<>();
        for (int i = 0; i < probes.size(); i++) {
            long[] of = probes.get(i).buckets();
            Map<UUID, Integer> shared = new HashMap<>();
            for (int band = 0; band < of.length; band++) {
                for (UUID id : members.getOrDefault(new BandBucket((short) band, of[band]), List.of())) {
                    if (!id.equals(exclude)) {
                        shared.merge(id, 1, Integer::sum);
                    }
                }
            }
            if (!shared.isEmpty()) {
                found.put(i, shared.entrySet().stream()
                        .sorted(Map.Entry.<UUID, Integer>comparingByValue().reversed()
                                .thenComparing(Map.Entry.comparingByKey(DuplicateIndex::compareAsPostgres)))
                        .limit(limit).map(Map.Entry::getKey).toList());
            }
        }
        return found;
    }

    /**
     * The records (not closed) of each bucket of the probes, in one query that reads at most
     * {@code bucket-cap} + 1 entries of a bucket; a bucket found fuller becomes a stop bucket of
     * {@code memory} and is left out, as are those already known.
     */
    private Map<BandBucket, List<UUID>> bucketMembers(List<Fingerprint> probes, Memory memory, Map<UUID, Long> versions) {
        Set<BandBucket> wanted = new LinkedHashSet<>();
        for (Fingerprint probe : probes) {
            long[] of = probe.buckets();
            for (int band = 0; band < of.length; band++) {
                BandBucket key = new BandBucket((short) band, of[band]);
                if (of[band] != 0 && !memory.stopBuckets.containsKey(key)) {
                    wanted.add(key);
                }
            }
        }
        Map<BandBucket, List<UUID>> members = new HashMap<>();
        if (wanted.isEmpty()) {
            return members;
        }
        List<Short> bands = new ArrayList<>(wanted.size());
        List<Long> buckets = new ArrayList<>(wanted.size());
        wanted.forEach(key -> {
            bands.add(key.band());
            buckets.add(key.bucket());
        });
        Map<BandBucket, Integer> sizes = new HashMap<>();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT p.band, p.bucket, m." + tables.owner() + ", m.version, m.status"
                            + " FROM unnest(?::smallint[], ?::bigint[]) AS p (band, bucket)"
                            + " CROSS JOIN LATERAL ("
                            + "SELECT l." + tables.owner() + ", r.version, r.status FROM " + tables.buckets() + " l"
                            + " JOIN " + tables.records() + " r ON r.id = l." + tables.owner()
                            + " WHERE l.band = p.band AND l.bucket = p.bucket"
                            + " LIMIT ?) m")) {
                query.setArray(1, connection.createArrayOf("smallint", bands.toArray()));
                query.setArray(2, connection.createArrayOf("bigint", buckets.toArray()));
                query.setInt(3, memory.bucketCap + 1);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        BandBucket key = new BandBucket(rows.getShort(1), rows.getLong(2));
                        sizes.merge(key, 1, Integer::sum);
                        if (!tables.closedStatus().equals(rows.getString(5))) {
                            UUID id = rows.getObject(3, UUID.class);
                            members.computeIfAbsent(key, k -> new ArrayList<>()).add(id);
                            versions.put(id, rows.getLong(4));
                        }
                    }
                }
            }
        });
        sizes.forEach((key, size) -> {
            if (size > memory.bucketCap) {
                memory.stopBuckets.put(key, Boolean.TRUE);
                members.remove(key);
            }
        });
        return members;
    }

    /** The order of uuids in PostgreSQL: their 16 bytes compared unsigned. */
    private static int compareAsPostgres(UUID a, UUID b) {
        int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
        return high != 0 ? high : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }

    /**
     * For each probe (by index) the records (not closed) naming one of its patents, in one query;
     * the version of each found goes to {@code versions}. None for a listing without patents.
     */
    private Map<Integer, Set<UUID>> samePatentAsEach(List<Fingerprint> probes, Map<UUID, Long> versions) {
        List<Integer> owners = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < probes.size(); i++) {
            for (String key : probes.get(i).patents()) {
                owners.add(i);
                keys.add(key);
            }
        }
        Map<Integer, Set<UUID>> found = new HashMap<>();
        if (owners.isEmpty() || tables.patents() == null) {
            return found;
        }
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT DISTINCT p.probe, k." + tables.owner() + ", r.version"
                            + " FROM unnest(?::int[], ?::varchar[]) AS p (probe, patent_key)"
                            + " JOIN " + tables.patents() + " k ON k.patent_key = p.patent_key"
                            + " JOIN " + tables.records() + " r ON r.id = k." + tables.owner()
                            + " WHERE r.status <> '" + tables.closedStatus() + "'")) {
                query.setArray(1, connection.createArrayOf("integer", owners.toArray()));
                query.setArray(2, connection.createArrayOf("varchar", keys.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(2, UUID.class);
                        found.computeIfAbsent(rows.getInt(1), k -> new LinkedHashSet<>()).add(id);
                        versions.put(id, rows.getLong(3));
                    }
                }
            }
        });
        return found;
    }

    /** What the exact comparison needs of a record, read without loading the entity. */
    public record Described(UUID id, long version, String organisationId, String status, String title,
            Fingerprint fingerprint) {
    }

    /**
     * The comparable content of these records (closed ones left out): from {@code memory} when it
     * holds the version the look-up saw, the others in one query and without managed entities (an
     * import's chunk may compare its rows with thousands of them).
     */
    private Map<UUID, Described> describe(Collection<UUID> ids, Map<UUID, Long> versions, Memory memory) {
        Map<UUID, Described> found = new HashMap<>();
        List<UUID> missing = new ArrayList<>();
        for (UUID id : ids) {
            Described known = memory.described.get(id);
            if (known != null && known.version() == versions.get(id)) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        if (missing.isEmpty()) {
            return found;
        }
        List<String> columns = tables.content();
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT id, version, organisation_id, status, title"
                            + columns.stream().map(c -> ", " + c).reduce("", String::concat)
                            + " FROM " + tables.records()
                            + " WHERE id = ANY (?) AND status <> '" + tables.closedStatus() + "'")) {
                query.setArray(1, connection.createArrayOf("uuid", missing.toArray()));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        UUID id = rows.getObject(1, UUID.class);
                        String title = rows.getString(5);
                        List<String> content = new ArrayList<>(columns.size());
                        for (int c = 0; c < columns.size(); c++) {
                            content.add(rows.getString(6 + c));
                        }
                        Described described = new Described(id, rows.getLong(2), rows.getString(3), rows.getString(4),
                                title, fingerprintOf(title, content));
                        found.put(id, described);
                        memory.described.put(id, described);
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
