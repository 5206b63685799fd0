package io.techbridge.matching.persistence;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.techbridge.matching.matching.Standing;
import io.techbridge.matching.matching.StandingStore;
import io.techbridge.matching.search.DemandDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demands' standings in table {@code demand_standing}, with the latest in memory in front. A
 * standing older than a day is recomputed: the mean similarity of a demand's candidates drifts as
 * the achievement database grows, while its best candidates are kept current as they arrive.
 */
@ApplicationScoped
public class StoredStandings implements StandingStore {

    private static final Duration MAX_AGE = Duration.ofDays(1);
    /** An unchanged standing is written again only this long after this instance last wrote it. */
    private static final Duration REWRITE_AFTER = Duration.ofHours(1);
    private static final int CAPACITY = 20_000;

    private final EntityManager entityManager;
    private final StandingStore memory = StandingStore.inMemory(CAPACITY);
    /** What this instance last wrote per demand: most rankings find a demand's standing as it was, and a write is a commit. */
    private final Map<String, Written> written = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Written> eldest) {
            return size() > CAPACITY;
        }
    };

    private record Written(long version, Standing standing, Instant at) {
    }

    public StoredStandings(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Map<String, Standing> find(Collection<DemandDocument> demands) {
        Map<String, Standing> found = new HashMap<>(memory.find(demands));
        List<DemandDocument> missing = demands.stream().filter(d -> !found.containsKey(d.id())).toList();
        if (missing.isEmpty()) {
            return found;
        }
        Map<String, Long> versions = new HashMap<>();
        missing.forEach(d -> versions.put(d.id(), d.version()));
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> rows(new ArrayList<>(versions.keySet())));
        for (Object[] row : rows) {
            String id = (String) row[0];
            long version = ((Number) row[1]).longValue();
            if (versions.get(id) != null && versions.get(id) == version) {
                Standing standing = new Standing(((Number) row[2]).doubleValue(), ((Number) row[6]).doubleValue(),
                        (String) row[3], ((Number) row[4]).doubleValue(), ((Number) row[5]).doubleValue(), true);
                found.put(id, standing);
            }
        }
        for (DemandDocument demand : missing) {
            Standing standing = found.get(demand.id());
            if (standing != null) {
                memory.save(demand, standing);
            }
        }
        return found;
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(List<String> ids) {
        return entityManager.createNativeQuery("""
                        SELECT demand_id, demand_version, mean_cosine, best_achievement_id, best, second, nearest_cosine
                        FROM demand_standing WHERE demand_id IN (?1) AND computed_at > ?2""")
                .setParameter(1, ids).setParameter(2, Timestamp.from(Instant.now().minus(MAX_AGE)))
                .getResultList();
    }

    @Override
    public void save(DemandDocument demand, Standing standing) {
        if (!standing.complete()) {
            return;
        }
        memory.save(demand, standing);
        Instant now = Instant.now();
        synchronized (written) {
            Written last = written.get(demand.id());
            if (last != null && last.version() == demand.version() && last.standing().equals(standing)
                    && last.at().plus(REWRITE_AFTER).isAfter(now)) {
                return;
            }
        }
        // A transaction of its own: a standing is a cache any ranking may refresh, and held until a proposal
        // committed, the rows of several demands locked in different orders deadlocked two proposal workers.
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        INSERT INTO demand_standing (demand_id, demand_version, mean_cosine, best_achievement_id, best,
                                                     second, computed_at, nearest_cosine)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
                        ON CONFLICT (demand_id) DO UPDATE SET demand_version = EXCLUDED.demand_version,
                            mean_cosine = EXCLUDED.mean_cosine, nearest_cosine = EXCLUDED.nearest_cosine,
                            best_achievement_id = EXCLUDED.best_achievement_id,
                            best = EXCLUDED.best, second = EXCLUDED.second, computed_at = EXCLUDED.computed_at
                        WHERE demand_standing.demand_version <= EXCLUDED.demand_version""")
                .setParameter(1, demand.id()).setParameter(2, demand.version()).setParameter(3, standing.meanCosine())
                .setParameter(4, standing.bestAchievementId()).setParameter(5, standing.best())
                .setParameter(6, standing.second()).setParameter(7, Timestamp.from(now))
                .setParameter(8, standing.nearestCosine())
                .executeUpdate());
        synchronized (written) {
            written.put(demand.id(), new Written(demand.version(), standing, now));
        }
    }
}
