package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Broker decisions feed the matcher. Only this class decides pairs in the fields 03 (航空航天) and
 * 09 (现代农业), and only the maturity test decides in 03, so each test knows which weights its
 * decisions moved whatever else runs in this JVM.
 */
@QuarkusTest
@RealServers
class LearningTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String CABIN_TITLE = "飞机客舱空气净化与除菌系统";
    private static final String CABIN_SUMMARY =
            "基于光催化与高效过滤的民航客舱空气净化装置，去除挥发性有机物和细菌，除菌率99%，整机重量小于3公斤，可加装在现有机型。";

    @Test
    void tooEarlyRejectionsRaiseTheFieldsMaturityWeightAndTheMatureAchievementLeadsWithIt() {
        JsonPath before = learning();
        double maturityBefore = weight(before, "03", "maturity");
        Map<String, Object> agricultureBefore = before.getMap("find { it.fieldCode == '09' }.weights");

        // The same text twice: a lab-stage achievement next door in the wanted sub-field, and an
        // industrialised one from another province in the sibling sub-field.
        String immature = Events.newId();
        String mature = Events.newId();
        ObjectNode near = Events.achievement(immature, 1, CABIN_TITLE, CABIN_SUMMARY, List.of("客舱空气净化", "民航", "除菌"),
                "03.01", 4);
        ObjectNode far = Events.achievement(mature, 1, CABIN_TITLE, CABIN_SUMMARY, List.of("客舱空气净化", "民航", "除菌"),
                "03.02", 7);
        far.put("regionCode", "440300");
        Events.publishAchievement("AchievementCreated", near);
        Events.publishAchievement("AchievementCreated", far);
        MatchingTest.awaitIndexed(immature);
        MatchingTest.awaitIndexed(mature);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "民航客舱空气质量改善",
                "我们运营支线客机，旅客投诉客舱异味，需要轻量化的客舱空气净化和除菌装置，能加装在现有机型上。",
                List.of("客舱空气", "净化", "除菌"), "03.01", 6));

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<String> ranking = ranking(demand).getList("achievementId");
            assertTrue(ranking.contains(immature) && ranking.contains(mature), "both ranked: " + ranking);
        });
        JsonPath ranked = ranking(demand);
        assertEquals(Boolean.FALSE, ranked.get("find { it.achievementId == '" + immature + "' }.explanation.weights.learned"));
        double maturityCoefficientBefore = ranked.<Float>get("find { it.achievementId == '" + mature
                + "' }.explanation.factors.find { it.name == 'maturity' }.weight");

        // Brokers reject four other proposals in the field as too early.
        List<String[]> run = List.of(
                new String[]{"航空发动机涡轮叶片热障涂层技术", "等离子喷涂氧化钇稳定氧化锆热障涂层，涡轮叶片表面温度降低150℃，服役寿命提升一倍。",
                        "涡轮叶片高温防护涂层", "我公司生产的航空发动机涡轮叶片在高温燃气中氧化烧蚀严重，需要热障涂层技术，提升耐温能力和寿命。"},
                new String[]{"无人机复合材料机翼自动铺放成型", "碳纤维预浸料自动铺丝成型无人机机翼，结构减重20%，成型周期缩短一半。",
                        "无人机机翼轻量化制造", "我们生产中型固定翼无人机，机翼金属结构偏重，需要碳纤维复合材料机翼成型工艺，实现减重。"},
                new String[]{"微小卫星姿态控制反作用飞轮", "长寿命低功耗的微小卫星姿态控制反作用飞轮，在轨寿命8年，功耗低于5瓦。",
                        "微小卫星姿态控制部件国产化", "我公司研制微小卫星平台，需要寿命长、功耗低的姿态控制反作用飞轮，替代进口产品。"},
                new String[]{"飞机起落架作动筒耐低温密封件", "耐零下55℃的起落架作动筒复合密封件，泄漏量低于行业标准一半，寿命3万次起落。",
                        "飞机起落架液压密封国产替代", "我公司为通用飞机配套起落架，作动筒密封件依赖进口，需要耐低温、长寿命的液压密封件替代产品。"});
        for (String[] texts : run) {
            String matchId = proposedPair(texts, "03.01");
            Api.decide(matchId, Map.of("decision", "REJECT", "reasonCode", "TOO_EARLY", "note", "企业要求已有工程应用"))
                    .statusCode(200).body("status", equalTo("REJECTED"));
        }

        JsonPath after = learning();
        double maturityAfter = weight(after, "03", "maturity");
        assertTrue(maturityAfter > maturityBefore && maturityAfter > weight(after, "03", "maturity", "defaultWeights"),
                "maturity weight of 航空航天 raised: " + maturityBefore + " → " + maturityAfter);
        assertEquals(4, after.getInt("find { it.fieldCode == '03' }.rejectionsByReason.TOO_EARLY")
                - before.getInt("find { it.fieldCode == '03' }.rejectionsByReason.TOO_EARLY"));
        assertEquals(agricultureBefore, after.getMap("find { it.fieldCode == '09' }.weights"),
                "another field's weights did not move");
        double sum = after.<String, Float>getMap("find { it.fieldCode == '03' }.weights").values().stream()
                .mapToDouble(Float::doubleValue).sum();
        assertEquals(1.0, sum, 1e-4, "the weights still add up to 1");

        // The next ranking of the demand uses the field's learned weights: maturity weighs more.
        JsonPath reranked = ranking(demand);
        List<String> now = reranked.getList("achievementId");
        assertTrue(now.indexOf(mature) < now.indexOf(immature), "the TRL 7 achievement leads the TRL 4 one: " + now);
        String top = "find { it.achievementId == '" + mature + "' }.explanation";
        assertEquals(Boolean.TRUE, reranked.get(top + ".weights.learned"));
        assertEquals("03", reranked.get(top + ".weights.fieldCode"));
        // The explanation shows the maturity coefficient the field now scores with: the prior (1) × learned ÷ default.
        double defaultMaturity = weight(after, "03", "maturity", "defaultWeights");
        double maturityCoefficientAfter = reranked.<Float>get(top + ".factors.find { it.name == 'maturity' }.weight");
        assertEquals(1.0 * maturityAfter / defaultMaturity, maturityCoefficientAfter, 1e-3,
                "the explanation shows the learned weight");
        assertTrue(maturityCoefficientAfter > maturityCoefficientBefore,
                "maturity weighs more in the field's scores: " + maturityCoefficientBefore + " → " + maturityCoefficientAfter);
        double score = reranked.<Float>get("find { it.achievementId == '" + mature + "' }.score");
        double contributions = reranked.<List<Float>>get(top + ".factors.contribution").stream()
                .mapToDouble(Float::doubleValue).sum();
        assertEquals(score, contributions, 0.001, "the contributions still add up to the score");
        assertTrue(score > 0 && score <= 1);
    }

    @Test
    void aRejectedPairIsNeverProposedAgainWhenTheMatcherRecomputesTheDemandAfterLearning() {
        String[] texts = {"设施蔬菜水肥一体化智能灌溉系统", "根据土壤墒情和作物需水模型自动调节滴灌水肥，节水40%，节肥30%，适用于日光温室。",
                "温室蔬菜节水节肥灌溉", "我们合作社有200栋日光温室种植番茄黄瓜，浇水施肥全靠人工经验，浪费大，需要智能水肥一体化灌溉技术。"};
        String achievementId = Events.newId();
        String demandId = Events.newId();
        ObjectNode achievement = Events.achievement(achievementId, 1, texts[0], texts[1], List.of("水肥一体化", "智能灌溉", "温室"),
                "09.04", 7);
        String matchId = Api.proposedPair(achievement, Events.demand(demandId, 1, texts[2], texts[3],
                List.of("水肥一体化", "灌溉", "温室"), "09.04", 6));
        Api.decide(matchId, Map.of("decision", "REJECT", "reasonCode", "REGION", "note", "企业只找本市团队"))
                .statusCode(200).body("status", equalTo("REJECTED"));
        assertEquals(matchId, learning().getString("find { it.fieldCode == '09' }.history[0].matchId"),
                "the rejection moved the field's weights, and so queued the demand for re-proposal");
        // A university or enterprise sees the aggregates only: no pair, actor or reason of other parties' pairs.
        for (String token : List.of(TestTokens.university("org-other-university"), TestTokens.enterprise("org-other-enterprise"))) {
            String body = Api.as(token).when().get("/api/stats/learning").then().statusCode(200).extract().asString();
            JsonPath view = new JsonPath(body);
            assertEquals(List.of(), view.getList("find { it.fieldCode == '09' }.history"));
            assertEquals(learning().getLong("find { it.fieldCode == '09' }.decisions"),
                    view.getLong("find { it.fieldCode == '09' }.decisions"));
            assertFalse(body.contains(matchId), "no pair id in the report for " + token);
            assertFalse(body.contains("企业只找本市团队"), "no broker note in the report");
        }

        // The achievement changes too, so the pair is recomputed from both sides.
        ObjectNode changed = achievement.deepCopy();
        changed.put("version", 2).put("summary", texts[1] + "已在山东寿光推广5000亩。").put("updatedAt", Instant.now().toString());
        Events.publishAchievement("AchievementUpdated", changed);
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri("http://" + TestServers.get().elasticsearchHosts())
                .when().get("/achievements/_doc/" + achievementId).then().body("_version", equalTo(2)));
        // Both records' proposals recomputed: their tasks leave the queue only once done.
        await().atMost(PATIENCE).until(() -> queued(demandId, achievementId) == 0);

        Api.asBroker().when().get("/api/matches/" + matchId).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("reasonCode", equalTo("REGION")).body("version", equalTo(2))
                .body("history.to", equalTo(List.of("PROPOSED", "REJECTED")));
        Api.asBroker().queryParam("demandId", demandId).queryParam("status", "PROPOSED").when().get("/api/matches")
                .then().statusCode(200).body("items.findAll { it.achievementId == '" + achievementId + "' }", hasSize(0));
        assertEquals("REJECTED", ranking(demandId).getString("find { it.achievementId == '" + achievementId + "' }.matchStatus"));
    }

    @Test
    void theLearningStatisticsReportAcceptanceRateRejectionsAndTheWeightHistory() {
        JsonPath before = learning();
        String field = "find { it.fieldCode == '09' }";
        long decisions = before.getLong(field + ".decisions");
        long approved = before.getLong(field + ".approved");
        double budgetBefore = weight(before, "09", "budget");

        String approve = proposedPair(new String[]{"奶牛乳房炎快速检测试纸", "基于乳汁体细胞酶活性的乳房炎快速检测试纸，5分钟出结果，准确率95%。",
                "牧场奶牛乳房炎早期筛查", "我们牧场有3000头奶牛，乳房炎发病率高，需要现场快速检测乳房炎的方法，便于早期治疗。"}, "09.02");
        String price = proposedPair(new String[]{"水稻机插秧侧深施肥装置", "插秧同时将肥料精准施于秧苗侧下方，肥料利用率提高15%，减少面源污染。",
                "水稻插秧同步施肥", "我们农机合作社承担2万亩水稻机插秧作业，需要插秧同步施肥的装置，减少施肥次数和用量。"}, "09.04");
        String duplicate = proposedPair(new String[]{"苹果采后病害生物防治保鲜剂", "拮抗酵母菌制剂用于苹果采后青霉病防治，贮藏期烂果率降低60%。",
                "苹果冷库贮藏烂果控制", "我们果品公司冷库贮藏苹果5000吨，春节后青霉病烂果多，需要安全的采后防腐保鲜技术。"}, "09.03");

        Api.decide(approve, Map.of("decision", "APPROVE")).statusCode(200);
        Api.decide(price, Map.of("decision", "REJECT", "reasonCode", "PRICE_MISMATCH", "note", "报价超出预算")).statusCode(200);
        Api.decide(duplicate, Map.of("decision", "REJECT", "reasonCode", "DUPLICATE")).statusCode(200);

        JsonPath after = learning();
        assertEquals(decisions + 3, after.getLong(field + ".decisions"));
        assertEquals(approved + 1, after.getLong(field + ".approved"));
        assertEquals(after.getLong(field + ".decisions") - after.getLong(field + ".approved"), after.getLong(field + ".rejected"));
        assertEquals((double) after.getLong(field + ".approved") / after.getLong(field + ".decisions"),
                after.getDouble(field + ".acceptanceRate"), 1e-4);
        assertEquals(before.getLong(field + ".rejectionsByReason.PRICE_MISMATCH") + 1,
                after.getLong(field + ".rejectionsByReason.PRICE_MISMATCH"));
        assertEquals(before.getLong(field + ".rejectionsByReason.DUPLICATE") + 1,
                after.getLong(field + ".rejectionsByReason.DUPLICATE"));
        assertEquals("现代农业", after.getString(field + ".fieldName"));
        assertTrue(weight(after, "09", "budget") > budgetBefore, "PRICE_MISMATCH raised the budget–price weight");

        // The newest moves come first: the price rejection's (a duplicate moves nothing), budget raised, the rest rescaled.
        List<Map<String, Object>> history = after.getList(field + ".history");
        assertEquals(price, history.get(0).get("matchId"));
        Map<String, Object> budget = history.stream().filter(m -> price.equals(m.get("matchId"))
                && "budget".equals(m.get("factor"))).findFirst().orElseThrow();
        assertEquals("rejected PRICE_MISMATCH", budget.get("cause"));
        assertTrue(((Number) budget.get("to")).doubleValue() > ((Number) budget.get("from")).doubleValue());
        assertEquals(Api.loginName(TestTokens.broker()), budget.get("actor"));
        assertTrue(history.stream().filter(m -> price.equals(m.get("matchId")) && !"budget".equals(m.get("factor")))
                .allMatch(m -> "rejected PRICE_MISMATCH, rescaled".equals(m.get("cause"))
                        && ((Number) m.get("to")).doubleValue() <= ((Number) m.get("from")).doubleValue()));
        assertTrue(history.stream().noneMatch(m -> duplicate.equals(m.get("matchId"))), "a duplicate teaches nothing");
        for (int i = 1; i < history.size(); i++) {
            assertFalse(Instant.parse((String) history.get(i).get("at")).isAfter(Instant.parse((String) history.get(i - 1).get("at"))),
                    "latest first");
        }
        assertEquals(9, after.getList("fieldCode").size(), "every top-level field is listed");
        // No test decides in 高技术服务: no acceptance rate yet, the defaults.
        assertEquals(0, after.getLong("find { it.fieldCode == '05' }.decisions"));
        assertNull(after.get("find { it.fieldCode == '05' }.acceptanceRate"));
        assertEquals(after.getMap("find { it.fieldCode == '05' }.defaultWeights"), after.getMap("find { it.fieldCode == '05' }.weights"));
        // Too few decisions anywhere to refit a field's approval estimate; the report says what it would do.
        assertEquals(Boolean.FALSE, after.get("find { it.fieldCode == '05' }.calibration.recalibrated"));
        assertNull(after.get("find { it.fieldCode == '05' }.calibration.precisionBefore"));
        Map<String, Object> decided = after.getMap(field + ".calibration");
        assertEquals(after.getLong(field + ".decisions"), ((Number) decided.get("decisions")).longValue(),
                "every decision counts: " + decided);
        assertEquals(0.35, ((Number) decided.get("threshold")).doubleValue(), 1e-6);
        assertTrue(((Number) decided.get("proposalsBefore")).intValue() >= 1, "decided proposals were above it: " + decided);

        Api.as(null).when().get("/api/stats/learning").then().statusCode(401).contentType("application/problem+json");
        Api.as(TestTokens.university("org-test-university")).when().get("/api/stats/learning").then().statusCode(200);
    }

    @Test
    void decisionsByAnyoneButABrokerAreRefusedAndMoveNoWeight() {
        String matchId = proposedPair(new String[]{"茶园病虫害绿色防控技术", "性诱剂与色板诱杀结合天敌释放，茶园化学农药用量减少60%。",
                "茶园减少农药使用", "我们茶叶公司有3000亩有机茶园，病虫害防治难，需要不用化学农药的绿色防控技术。"}, "09.01");
        JsonPath before = learning();
        for (String token : new String[]{TestTokens.university("org-test-university"), TestTokens.enterprise("org-test-enterprise"),
                TestTokens.admin()}) {
            Api.post(token, "/api/matches/" + matchId + "/decision", Map.of("decision", "REJECT", "reasonCode", "TOO_EARLY"))
                    .statusCode(403).contentType("application/problem+json");
        }
        Api.post(null, "/api/matches/" + matchId + "/decision", Map.of("decision", "APPROVE"))
                .statusCode(401).contentType("application/problem+json");

        JsonPath after = learning();
        assertEquals(before.getMap("find { it.fieldCode == '09' }.weights"), after.getMap("find { it.fieldCode == '09' }.weights"));
        assertEquals(before.getList("find { it.fieldCode == '09' }.history"), after.getList("find { it.fieldCode == '09' }.history"));
        assertEquals(before.getLong("find { it.fieldCode == '09' }.decisions"), after.getLong("find { it.fieldCode == '09' }.decisions"));
        Api.asBroker().when().get("/api/matches/" + matchId).then().body("status", equalTo("PROPOSED"));
    }

    /** The report as a broker sees it: with each move's pair, actor and cause. */
    private static JsonPath learning() {
        return Api.asBroker().when().get("/api/stats/learning").then().statusCode(200).extract().jsonPath();
    }

    private static double weight(JsonPath report, String field, String factor) {
        return weight(report, field, factor, "weights");
    }

    private static double weight(JsonPath report, String field, String factor, String which) {
        return report.<Float>get("find { it.fieldCode == '" + field + "' }." + which + "." + factor).doubleValue();
    }

    private static JsonPath ranking(String demandId) {
        return Api.asBroker().queryParam("limit", 20).queryParam("includeWeak", true)
                .when().get("/api/demands/" + demandId + "/matches").then()
                .statusCode(200).extract().jsonPath();
    }

    /** {achievement title, summary, demand title, problem}: published, indexed, and their pair proposed. */
    private static String proposedPair(String[] texts, String fieldCode) {
        return Api.proposedPair(
                Events.achievement(Events.newId(), 1, texts[0], texts[1], List.of(texts[0].substring(0, 4)), fieldCode, 7),
                Events.demand(Events.newId(), 1, texts[2], texts[3], List.of(texts[2].substring(0, 4)), fieldCode, 6));
    }

    /** Proposal tasks still queued for these records, read from the service's database. */
    private static long queued(String demandId, String achievementId) throws Exception {
        TestServers servers = TestServers.get();
        try (Connection connection = DriverManager.getConnection(servers.jdbcUrl("matching"), servers.databaseUser(),
                servers.databasePassword());
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM proposal_task WHERE aggregate_id IN (?, ?)")) {
            statement.setString(1, demandId);
            statement.setString(2, achievementId);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
