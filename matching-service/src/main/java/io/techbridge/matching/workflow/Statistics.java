package io.techbridge.matching.workflow;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.util.List;

/**
 * The figures operators report for a period of whole months (Asia/Shanghai), in total and by field,
 * region and month. Rows with nothing to count are left out. "Distinct" figures (pairs, achievements
 * transferred, enterprises served) are distinct within their row, so a row set can add up to more
 * than the total: an enterprise served in two months counts once in the total.
 *
 * @param from first month, {@code YYYY-MM}
 * @param to   last month, included
 */
public record Statistics(String from, String to, Metrics totals, List<Row> byField, List<Row> byRegion,
        List<Row> byMonth) {

    /**
     * @param achievementsRegistered  achievements first indexed in the period
     * @param demandsPosted           demands first indexed in the period
     * @param pairsProposed           pairs proposed by the matcher (a pair withdrawn and proposed again counts once)
     * @param pairsApproved           pairs a broker approved
     * @param pairsIntroduced         pairs whose two sides were introduced to each other
     * @param contractsSigned         pairs that reached a signed technology contract
     * @param contractTurnoverCny     technology-contract turnover (技术合同成交额): the sum of those contracts' amounts
     * @param achievementsTransferred distinct achievements under those contracts (转化科技成果数)
     * @param enterprisesServed       distinct enterprises (demand organisations) of the introduced pairs
     */
    public record Metrics(long achievementsRegistered, long demandsPosted, long pairsProposed, long pairsApproved,
            long pairsIntroduced, long contractsSigned, long contractTurnoverCny, long achievementsTransferred,
            long enterprisesServed) {

        public static final Metrics ZERO = new Metrics(0, 0, 0, 0, 0, 0, 0, 0, 0);

        static boolean isEmpty(Metrics metrics) {
            return ZERO.equals(metrics);
        }
    }

    /**
     * One group: a top-level field code with its Chinese {@code label}, a province code ({@code 330000})
     * or a month ({@code 2026-11}), followed by the figures.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Row(String key, String label, @JsonUnwrapped Metrics metrics) {
    }
}
