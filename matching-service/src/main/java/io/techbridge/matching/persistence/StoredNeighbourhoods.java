package io.techbridge.matching.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.techbridge.matching.matching.Neighbour;
import io.techbridge.matching.matching.NeighbourhoodStore;
import io.techbridge.matching.search.AchievementDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.jboss.logging.Logger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The achievements' neighbourhoods in table {@code achievement_neighbourhood}, shared by every instance. */
@ApplicationScoped
public class StoredNeighbourhoods implements NeighbourhoodStore {

    private static final Logger LOG = Logger.getLogger(StoredNeighbourhoods.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<List<Neighbour>> NEIGHBOURS = new TypeReference<>() {
    };

    private final EntityManager entityManager;

    public StoredNeighbourhoods(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Map<String, Stored> find(Collection<AchievementDocument> achievements, Instant since) {
        Map<String, Long> versions = new HashMap<>();
        achievements.forEach(a -> versions.put(a.id(), a.version()));
        if (versions.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> rows(new ArrayList<>(versions.keySet()), since));
        Map<String, Stored> found = new HashMap<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            Long version = versions.get(id);
            if (version != null && version == ((Number) row[1]).longValue()) {
                found.put(id, new Stored(neighbours((String) row[2]), Instant.ofEpochMilli(((Number) row[3]).longValue())));
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(List<String> ids, Instant since) {
        return entityManager.createNativeQuery("""
                        SELECT achievement_id, achievement_version, neighbours::text,
                               CAST(EXTRACT(EPOCH FROM computed_at) * 1000 AS bigint)
                        FROM achievement_neighbourhood WHERE achievement_id IN (?1) AND computed_at > ?2""")
                .setParameter(1, ids).setParameter(2, Timestamp.from(since))
                .getResultList();
    }

    /**
     * One statement in a transaction of its own, rows in id order: rankings and proposal workers
     * store overlapping sets at the same time, and rows locked in different orders would deadlock.
     * A row of a newer version is never replaced by an older one. A failed write fails nothing: a
     * neighbourhood not stored is searched again where it is next needed.
     */
    @Override
    public void save(Map<AchievementDocument, List<Neighbour>> found, Instant at) {
        if (found.isEmpty()) {
            return;
        }
        List<Map.Entry<AchievementDocument, List<Neighbour>>> rows = found.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getKey().id())).toList();
        try {
            QuarkusTransaction.requiringNew().run(() -> insert(rows, at));
        } catch (RuntimeException e) {
            LOG.warnf("%d achievement neighbourhoods not stored: %s", rows.size(), e.getMessage());
        }
    }

    private void insert(List<Map.Entry<AchievementDocument, List<Neighbour>>> rows, Instant at) {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < rows.size(); i++) {
            int p = 3 * i + 2;
            values.append(i == 0 ? "" : ", ").append("(?").append(p).append(", ?").append(p + 1)
                    .append(", CAST(?").append(p + 2).append(" AS jsonb), ?1)");
        }
        Query insert = entityManager.createNativeQuery("""
                INSERT INTO achievement_neighbourhood (achievement_id, achievement_version, neighbours, computed_at)
                VALUES %s
                ON CONFLICT (achievement_id) DO UPDATE SET achievement_version = EXCLUDED.achievement_version,
                    neighbours = EXCLUDED.neighbours, computed_at = EXCLUDED.computed_at
                WHERE achievement_neighbourhood.achievement_version <= EXCLUDED.achievement_version""".formatted(values))
                .setParameter(1, Timestamp.from(at));
        for (int i = 0; i < rows.size(); i++) {
            int p = 3 * i + 2;
            insert.setParameter(p, rows.get(i).getKey().id()).setParameter(p + 1, rows.get(i).getKey().version())
                    .setParameter(p + 2, json(rows.get(i).getValue()));
        }
        insert.executeUpdate();
    }

    /**
     * Drops the neighbourhoods found longer ago than {@link NeighbourhoodStore#KEPT_FOR}: none is read
     * any more, and withdrawn or changed achievements would otherwise keep their rows for good.
     * Whichever instance runs it first does the work; the others find nothing left.
     */
    @Scheduled(every = "${techbridge.neighbourhoods.prune-every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void pruneOutdated() {
        try {
            int dropped = prune(Instant.now().minus(KEPT_FOR));
            if (dropped > 0) {
                LOG.debugf("%d outdated achievement neighbourhoods dropped", dropped);
            }
        } catch (RuntimeException e) {
            LOG.warnf("outdated achievement neighbourhoods not dropped: %s", e.getMessage());
        }
    }

    /** Deletes the neighbourhoods found before {@code before}; returns how many. */
    public int prune(Instant before) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                        "DELETE FROM achievement_neighbourhood WHERE computed_at <= ?1")
                .setParameter(1, Timestamp.from(before)).executeUpdate());
    }

    private static String json(List<Neighbour> neighbours) {
        try {
            return JSON.writeValueAsString(neighbours);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("neighbours not written as JSON", e);
        }
    }

    private static List<Neighbour> neighbours(String json) {
        try {
            return JSON.readValue(json, NEIGHBOURS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored neighbours not read", e);
        }
    }
}
