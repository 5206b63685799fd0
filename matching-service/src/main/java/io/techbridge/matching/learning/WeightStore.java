package io.techbridge.matching.learning;

import io.techbridge.matching.matching.FactorWeights;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The learned weights (table learned_weight), their history (learned_weight_move) and the decisions they came from. */
@ApplicationScoped
public class WeightStore {

    /** One move of a weight as stored. */
    public record StoredMove(String fieldCode, String factor, double from, double to, String cause, UUID matchId,
            String actor, Instant at) {
    }

    /** Broker decisions on proposals of a field: approved, or rejected with a reason. */
    public record DecisionCount(String fieldCode, String status, String reasonCode, long count) {
    }

    /** A demand to re-propose and its applied version. */
    public record QueuedDemand(String demandId, long version) {
    }

    private final EntityManager entityManager;

    public WeightStore(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Every field's learned weights; fields without any are left out. */
    public Map<String, FactorWeights> loadAll() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT field_code, factor, weight FROM learned_weight")
                .getResultList();
        Map<String, Map<String, Double>> byField = new HashMap<>();
        for (Object[] row : rows) {
            byField.computeIfAbsent((String) row[0], f -> new HashMap<>()).put((String) row[1], ((Number) row[2]).doubleValue());
        }
        Map<String, FactorWeights> result = new HashMap<>();
        byField.forEach((field, weights) -> {
            if (weights.keySet().containsAll(FactorWeights.FACTORS)) {
                result.put(field, FactorWeights.of(weights));
            }
        });
        return result;
    }

    /**
     * The field's weights, locked until the transaction ends so decisions in one field apply one
     * after the other; a field without learned weights gets rows with the defaults first.
     */
    public FactorWeights lockField(String fieldCode, FactorWeights defaults, Instant now) {
        Optional<FactorWeights> locked = selectForUpdate(fieldCode);
        if (locked.isPresent()) {
            return locked.get();
        }
        for (Map.Entry<String, Double> weight : defaults.asMap().entrySet()) {
            entityManager.createNativeQuery("""
                            INSERT INTO learned_weight (field_code, factor, weight, updated_at) VALUES (?1, ?2, ?3, ?4)
                            ON CONFLICT (field_code, factor) DO NOTHING""")
                    .setParameter(1, fieldCode).setParameter(2, weight.getKey()).setParameter(3, weight.getValue())
                    .setParameter(4, now).executeUpdate();
        }
        return selectForUpdate(fieldCode).orElseThrow();
    }

    private Optional<FactorWeights> selectForUpdate(String fieldCode) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT factor, weight FROM learned_weight WHERE field_code = ?1 ORDER BY factor FOR UPDATE""")
                .setParameter(1, fieldCode).getResultList();
        Map<String, Double> weights = new HashMap<>();
        rows.forEach(r -> weights.put((String) r[0], ((Number) r[1]).doubleValue()));
        return weights.keySet().containsAll(FactorWeights.FACTORS) ? Optional.of(FactorWeights.of(weights)) : Optional.empty();
    }

    public void save(String fieldCode, FactorWeights weights, List<StoredMove> moves, Instant now) {
        for (Map.Entry<String, Double> weight : weights.asMap().entrySet()) {
            entityManager.createNativeQuery("""
                            UPDATE learned_weight SET weight = ?3, updated_at = ?4 WHERE field_code = ?1 AND factor = ?2""")
                    .setParameter(1, fieldCode).setParameter(2, weight.getKey()).setParameter(3, weight.getValue())
                    .setParameter(4, now).executeUpdate();
        }
        for (StoredMove move : moves) {
            entityManager.createNativeQuery("""
                            INSERT INTO learned_weight_move (field_code, factor, from_weight, to_weight, cause, match_id,
                                                             actor, occurred_at)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                    .setParameter(1, move.fieldCode()).setParameter(2, move.factor()).setParameter(3, move.from())
                    .setParameter(4, move.to()).setParameter(5, move.cause()).setParameter(6, move.matchId())
                    .setParameter(7, move.actor()).setParameter(8, move.at()).executeUpdate();
        }
    }

    /** The newest moves of every field, at most {@code perField} each, newest first. */
    public Map<String, List<StoredMove>> history(int perField) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT field_code, factor, from_weight, to_weight, cause, match_id, actor, occurred_at
                        FROM (SELECT m.*, row_number() OVER (PARTITION BY field_code ORDER BY id DESC) AS n
                              FROM learned_weight_move m) newest
                        WHERE n <= ?1
                        ORDER BY field_code, id DESC""")
                .setParameter(1, perField).getResultList();
        Map<String, List<StoredMove>> result = new HashMap<>();
        for (Object[] r : rows) {
            result.computeIfAbsent((String) r[0], f -> new java.util.ArrayList<>()).add(new StoredMove((String) r[0],
                    (String) r[1], ((Number) r[2]).doubleValue(), ((Number) r[3]).doubleValue(), (String) r[4],
                    (UUID) r[5], (String) r[6], instant(r[7])));
        }
        return result;
    }

    /** Broker decisions on proposals, by top-level field of the demand, outcome and reason. */
    public List<DecisionCount> decisions() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT substr(p.field_code, 1, 2), t.to_status, t.reason_code, count(*)
                        FROM match_transition t
                        JOIN match_pair p ON p.id = t.match_id
                        WHERE t.from_status = 'PROPOSED' AND t.to_status IN ('APPROVED', 'REJECTED')
                          AND p.field_code IS NOT NULL
                        GROUP BY 1, 2, 3""")
                .getResultList();
        return rows.stream().map(r -> new DecisionCount((String) r[0], (String) r[1], (String) r[2],
                ((Number) r[3]).longValue())).toList();
    }

    /** Every broker decision on a proposal with the pair's score, by top-level field of the demand. */
    public Map<String, List<Recalibration.Decision>> decidedScores() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT substr(p.field_code, 1, 2), p.score, t.to_status
                        FROM match_transition t
                        JOIN match_pair p ON p.id = t.match_id
                        WHERE t.from_status = 'PROPOSED' AND t.to_status IN ('APPROVED', 'REJECTED')
                          AND p.field_code IS NOT NULL""")
                .getResultList();
        Map<String, List<Recalibration.Decision>> byField = new java.util.HashMap<>();
        for (Object[] r : rows) {
            byField.computeIfAbsent((String) r[0], k -> new java.util.ArrayList<>())
                    .add(new Recalibration.Decision(((Number) r[1]).doubleValue(), "APPROVED".equals(r[2])));
        }
        return byField;
    }

    /**
     * Open demands of a field with standing proposals, most recently changed first: their proposals
     * are worth recomputing after the field's weights moved.
     */
    public List<QueuedDemand> demandsWithProposals(String fieldCode, String except, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT r.aggregate_id, r.version
                        FROM indexed_record r
                        WHERE r.aggregate_type = 'Demand' AND r.in_pool AND r.aggregate_id <> ?2
                          AND (r.field_code = ?1 OR r.field_code LIKE ?3)
                          AND EXISTS (SELECT 1 FROM match_pair p WHERE p.demand_id = r.aggregate_id AND p.status = 'PROPOSED')
                        ORDER BY r.updated_at DESC
                        LIMIT ?4""")
                .setParameter(1, fieldCode).setParameter(2, except).setParameter(3, fieldCode + ".%")
                .setParameter(4, limit).getResultList();
        return rows.stream().map(r -> new QueuedDemand((String) r[0], ((Number) r[1]).longValue())).toList();
    }

    /** The applied version of a demand, if it was indexed. */
    public Optional<Long> demandVersion(String demandId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = entityManager.createNativeQuery("""
                        SELECT version FROM indexed_record WHERE aggregate_type = 'Demand' AND aggregate_id = ?1""")
                .setParameter(1, demandId).getResultList();
        return rows.stream().findFirst().map(v -> ((Number) v).longValue());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value);
    }
}
