package io.techbridge.matching.workflow;

import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.workflow.Statistics.Metrics;
import io.techbridge.commons.persistence.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operators' statistics from this service's own tables: what was indexed ({@code indexed_record})
 * and how pairs moved ({@code match_transition}). A pair is counted in the field and region of its
 * demand (the need), and in the month of the move. All groupings come from one statement, so the
 * totals and the rows are read from the same snapshot.
 */
@ApplicationScoped
public class StatisticsService {

    /**
     * Every countable fact with when, where and in which field it happened: a record indexed (kind
     * Achievement or Demand) or a pair moved to a counted status (kind = that status). An accepted
     * introduction is recorded in the history without a change of status; it is no new fact.
     */
    private static final String FACTS = """
            WITH facts AS (
                SELECT r.aggregate_type              AS kind,
                       r.aggregate_id                AS subject,
                       r.created_at                  AS at,
                       r.field_code, r.region_code,
                       CAST(NULL AS bigint)          AS amount,
                       CAST(NULL AS varchar)         AS achievement_id,
                       CAST(NULL AS varchar)         AS enterprise_id
                FROM indexed_record r
                UNION ALL
                SELECT t.to_status,
                       CAST(p.id AS varchar),
                       t.occurred_at,
                       p.field_code, p.region_code,
                       COALESCE(t.contract_amount_cny, p.contract_amount_cny),
                       p.achievement_id,
                       p.demand_organisation_id
                FROM match_transition t
                JOIN match_pair p ON p.id = t.match_id
                WHERE t.to_status IN ('PROPOSED', 'APPROVED', 'INTRODUCED', 'CONTRACTED')
                  AND t.from_status IS DISTINCT FROM t.to_status
            ),
            scoped AS (
                SELECT f.*,
                       substr(f.field_code, 1, 2)                                AS field_key,
                       substr(f.region_code, 1, 2) || '0000'                     AS region_key,
                       to_char(f.at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM')     AS month_key
                FROM facts f
                WHERE f.at >= :from AND f.at < :until %s
            )
            SELECT CASE WHEN GROUPING(field_key) = 0 THEN 'field'
                        WHEN GROUPING(region_key) = 0 THEN 'region'
                        WHEN GROUPING(month_key) = 0 THEN 'month'
                        ELSE 'total' END                                                  AS dimension,
                   COALESCE(field_key, region_key, month_key)                             AS key,
                   count(DISTINCT subject) FILTER (WHERE kind = 'Achievement')            AS achievements_registered,
                   count(DISTINCT subject) FILTER (WHERE kind = 'Demand')                 AS demands_posted,
                   count(DISTINCT subject) FILTER (WHERE kind = 'PROPOSED')               AS pairs_proposed,
                   count(DISTINCT subject) FILTER (WHERE kind = 'APPROVED')               AS pairs_approved,
                   count(DISTINCT subject) FILTER (WHERE kind = 'INTRODUCED')             AS pairs_introduced,
                   count(DISTINCT subject) FILTER (WHERE kind = 'CONTRACTED')             AS contracts_signed,
                   COALESCE(sum(amount) FILTER (WHERE kind = 'CONTRACTED'), 0)            AS contract_turnover_cny,
                   count(DISTINCT achievement_id) FILTER (WHERE kind = 'CONTRACTED')      AS achievements_transferred,
                   count(DISTINCT enterprise_id) FILTER (WHERE kind = 'INTRODUCED')       AS enterprises_served
            FROM scoped
            GROUP BY GROUPING SETS ((), (field_key), (region_key), (month_key))
            ORDER BY dimension, key
            """;

    private final EntityManager entityManager;

    public StatisticsService(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * The figures for whole months {@code from} to {@code to} (both included, Asia/Shanghai), limited
     * to a field (a top-level code takes in its sub-fields) and a region (a province or city takes in
     * its cities and counties) when given.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Statistics compute(YearMonth from, YearMonth to, String fieldCode, String regionCode) {
        StringBuilder conditions = new StringBuilder();
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("from", start(from));
        parameters.put("until", start(to.plusMonths(1)));
        if (fieldCode != null) {
            conditions.append(" AND (f.field_code = :field OR f.field_code LIKE :fieldPrefix)");
            parameters.put("field", fieldCode);
            parameters.put("fieldPrefix", fieldCode + ".%");
        }
        if (regionCode != null) {
            conditions.append(" AND f.region_code LIKE :regionPrefix");
            parameters.put("regionPrefix", Filters.regionPrefix(regionCode) + "%");
        }
        Query query = entityManager.createNativeQuery(FACTS.formatted(conditions));
        parameters.forEach(query::setParameter);

        Metrics totals = null;
        List<Statistics.Row> byField = new ArrayList<>();
        List<Statistics.Row> byRegion = new ArrayList<>();
        List<Statistics.Row> byMonth = new ArrayList<>();
        for (Object result : query.getResultList()) {
            Object[] row = (Object[]) result;
            String dimension = (String) row[0];
            String key = (String) row[1];
            Metrics metrics = metrics(row);
            if (dimension.equals("total")) {
                totals = metrics;
            } else if (key != null && !Metrics.isEmpty(metrics)) {
                switch (dimension) {
                    case "field" -> byField.add(new Statistics.Row(key,
                            TechnicalField.byCode(key).map(TechnicalField::nameZh).orElse(null), metrics));
                    case "region" -> byRegion.add(new Statistics.Row(key, null, metrics));
                    default -> byMonth.add(new Statistics.Row(key, null, metrics));
                }
            }
        }
        return new Statistics(from.toString(), to.toString(), totals == null ? Metrics.ZERO : totals, byField,
                byRegion, byMonth);
    }

    private static Metrics metrics(Object[] row) {
        return new Metrics(number(row[2]), number(row[3]), number(row[4]), number(row[5]), number(row[6]),
                number(row[7]), number(row[8]), number(row[9]), number(row[10]));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static OffsetDateTime start(YearMonth month) {
        return month.atDay(1).atStartOfDay(PlatformCalendar.ZONE).toOffsetDateTime();
    }
}
