package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The operators' statistics follow a pair from proposal to contract. Only this class uses the region
 * of Ürümqi (650100), so its deltas are exact whatever the other tests in this JVM do: a pair counts in
 * its demand's region, so only pairs of this class's demand land there.
 */
@QuarkusTest
@RealServers
class StatisticsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String REGION = "650100";
    private static final List<String> METRICS = List.of("achievementsRegistered", "demandsPosted", "pairsProposed",
            "pairsApproved", "pairsIntroduced", "contractsSigned", "contractTurnoverCny", "achievementsTransferred",
            "enterprisesServed");

    @Test
    void aPairFromProposalToContractMovesEveryFigureByExactlyItsShare() {
        JsonPath before = stats(Map.of("region", REGION)).statusCode(200).extract().jsonPath();
        String month = YearMonth.now(ZoneId.of("Asia/Shanghai")).toString();

        String achievementId = Events.newId();
        ObjectNode achievement = Events.achievement(achievementId, 1, "链齿式棉田残膜回收机",
                "一次作业完成棉秆粉碎与地表残膜捡拾打包，残膜拾净率90%以上，适用于新疆机采棉田秋后残膜治理。",
                List.of("残膜回收", "棉田", "农业机械"), "08.05", 7);
        achievement.put("regionCode", REGION);
        Events.publishAchievement("AchievementCreated", achievement);
        MatchingTest.awaitIndexed(achievementId);
        String demandId = Events.newId();
        ObjectNode demand = Events.demand(demandId, 1, "机采棉田残膜污染治理",
                "我们在新疆经营三万亩机采棉田，地膜残留严重影响播种出苗和土壤，需要高效的残膜回收机械，拾净率85%以上。",
                List.of("残膜回收", "棉田", "地膜"), "08.05", 6);
        demand.put("regionCode", "650104").put("organisationId", "org-stats-" + Events.newId());
        Events.publishDemand("DemandCreated", demand);

        String matchId = Api.awaitPair(demandId, achievementId);
        post(matchId, "decision", Map.of("decision", "APPROVE")).statusCode(200);
        post(matchId, "transition", Map.of("status", "INTRODUCED")).statusCode(200);
        post(matchId, "transition", Map.of("status", "NEGOTIATING", "offlineAcceptance", true, "note", "线下已确认")).statusCode(200);
        post(matchId, "transition", Map.of("status", "CONTRACTED", "contractAmountCny", 880_000,
                "registrationNo", "2026650101000042")).statusCode(200);

        await().atMost(PATIENCE).untilAsserted(() -> {
            // The demand may be paired with achievements of other tests too: every pair of it was proposed
            // and counts in its region; all the other figures concern only the one pair taken to a contract.
            Map<String, Long> expected = new LinkedHashMap<>();
            METRICS.forEach(metric -> expected.put(metric, 1L));
            expected.put("contractTurnoverCny", 880_000L);
            expected.put("pairsProposed", pairsOf(demandId));
            JsonPath after = stats(Map.of("region", REGION)).statusCode(200).extract().jsonPath();
            assertEquals(expected, delta(before.getMap("totals"), after.getMap("totals")), "totals");
            assertEquals(expected, delta(row(before, "byField", "08"), row(after, "byField", "08")), "field 08");
            assertEquals(expected, delta(row(before, "byRegion", "650000"), row(after, "byRegion", "650000")),
                    "province 650000");
            assertEquals(expected, delta(row(before, "byMonth", month), row(after, "byMonth", month)), "this month");
        });

        stats(Map.of("region", REGION)).body("byField.find { it.key == '08' }.label", equalTo("先进制造与自动化"));
        // A province takes in its cities, a field its sub-fields (a late proposal may land between two reads).
        await().atMost(PATIENCE).untilAsserted(() -> assertEquals(
                stats(Map.of("region", REGION)).extract().jsonPath().getMap("totals"),
                stats(Map.of("region", "650000", "field", "08")).extract().jsonPath().getMap("totals")));
        // Another field has none of this region's figures.
        stats(Map.of("region", REGION, "field", "02")).statusCode(200)
                .body("totals.pairsProposed", equalTo(0))
                .body("byField", hasSize(0));
    }

    @Test
    void aPeriodWithNothingInItHasZeroTotalsAndNoRows() {
        ValidatableResponse response = stats(Map.of("from", "2001-01", "to", "2001-12", "region", REGION))
                .statusCode(200)
                .body("from", equalTo("2001-01"))
                .body("to", equalTo("2001-12"))
                .body("byField", hasSize(0))
                .body("byRegion", hasSize(0))
                .body("byMonth", hasSize(0));
        Map<String, Object> totals = response.extract().jsonPath().getMap("totals");
        assertEquals(Set.copyOf(METRICS), totals.keySet());
        totals.values().forEach(value -> assertEquals(0L, ((Number) value).longValue()));
    }

    @Test
    void theDefaultPeriodIsTheLastTwelveMonthsInOrder() {
        YearMonth now = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        JsonPath stats = stats(Map.of()).statusCode(200)
                .body("from", equalTo(now.minusMonths(11).toString()))
                .body("to", equalTo(now.toString()))
                .body("byMonth.key", everyItem(lessThanOrEqualTo(now.toString())))
                .extract().jsonPath();
        List<String> months = stats.getList("byMonth.key");
        assertEquals(months.stream().sorted().toList(), months, "months in order");
        List<Map<String, Object>> rows = stats.getList("byMonth");
        rows.forEach(row -> assertFalse(METRICS.stream().allMatch(m -> ((Number) row.get(m)).longValue() == 0),
                "no empty rows: " + row));
        String longAgo = now.minusMonths(30).toString();
        stats(Map.of("from", longAgo)).statusCode(200).body("from", equalTo(longAgo))
                .body("to", equalTo(now.toString()));
    }

    @Test
    void anyLoggedInUserMaySeeTheFiguresButNobodyAnonymously() {
        for (String token : List.of(TestTokens.university("org-stats-university"), TestTokens.enterprise("org-stats-enterprise"),
                TestTokens.broker(), TestTokens.admin())) {
            Api.as(token).when().get("/api/stats").then().statusCode(200);
        }
        given().when().get("/api/stats").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aTokenThatExpiredLongerAgoThanTheClockAllowanceIsRefused() {
        // Access tokens live 50 s; with the 10 s clock allowance a disabled account reads nothing here after a minute.
        long now = java.time.Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("sub", java.util.UUID.randomUUID().toString());
        claims.put("upn", "broker@" + TestTokens.BROKER_ORGANISATION);
        claims.put("groups", List.of("broker"));
        claims.put("org", TestTokens.BROKER_ORGANISATION);
        claims.put("orgType", "BROKER_AGENCY");
        claims.put("iat", now - 65);
        claims.put("exp", now - 15);
        Api.as(TestTokens.sign(claims)).when().get("/api/stats").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void badParametersAreRefusedNamingTheParameter() {
        Map<String, Map<String, String>> cases = new LinkedHashMap<>();
        cases.put("from", Map.of("from", "2026-13"));
        cases.put("to", Map.of("to", "2026-1"));
        cases.put("region", Map.of("region", "xinjiang"));
        cases.put("field", Map.of("field", "9"));
        cases.forEach((parameter, query) -> stats(query).statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(parameter))
                .body("violations[0].in", equalTo("query")));
        stats(Map.of("from", "2026-06", "to", "2026-05")).statusCode(400).body("violations[0].field", equalTo("to"));
        stats(Map.of("from", "2999-01")).statusCode(400).body("violations[0].field", equalTo("from"));
    }

    /** The figures as an enterprise user sees them: any logged-in user may. */
    private static ValidatableResponse stats(Map<String, String> query) {
        return Api.as(TestTokens.enterprise("org-stats-reader")).queryParams(query).when().get("/api/stats").then();
    }

    /** Every pair of the demand, whatever its status now: each one started as a proposal. */
    private static long pairsOf(String demandId) {
        return Api.asBroker().queryParam("demandId", demandId).queryParam("size", 100).when().get("/api/matches").then()
                .statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    private static ValidatableResponse post(String matchId, String action, Map<String, Object> body) {
        return Api.post(TestTokens.broker(), "/api/matches/" + matchId + "/" + action, body);
    }

    /** A row's figures, or none when the row is left out for having nothing to count. */
    private static Map<String, Object> row(JsonPath stats, String grouping, String key) {
        Map<String, Object> row = stats.getMap(grouping + ".find { it.key == '" + key + "' }");
        return row == null ? Map.of() : row;
    }

    private static Map<String, Long> delta(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Long> delta = new LinkedHashMap<>();
        for (String metric : METRICS) {
            delta.put(metric, value(after, metric) - value(before, metric));
        }
        return delta;
    }

    private static long value(Map<String, Object> row, String metric) {
        Object value = row.get(metric);
        return value == null ? 0 : ((Number) value).longValue();
    }
}
