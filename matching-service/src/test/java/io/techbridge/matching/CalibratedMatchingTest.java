package io.techbridge.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a broker is shown: strong pairs only unless asked, content words as matched terms, reasons as codes. */
@QuarkusTest
@RealServers
class CalibratedMatchingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Words that never count as matched terms (see /search/generic-terms.txt). */
    private static final Set<String> NOT_CONTENT = Set.of("技术", "方法", "开发", "研究", "系统", "采用", "目前", "现有",
            "使用", "of", "the", "a", "m", "50");

    @Test
    void aDemandWithoutContentGetsNoStrongPairAndWeakerCandidatesOnlyWhenAsked() {
        String achievement = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(achievement, 1, "面向目前现有系统的技术开发方法研究",
                "采用现有技术方法开发研究系统，使用50 m of the a 技术，目前已经采用。", List.of("技术", "开发", "系统"), "01.01", 6));
        MatchingTest.awaitIndexed(achievement);

        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "技术开发 of the",
                "我们目前采用现有技术方法，使用 the of a 50 m，希望开发研究系统。", List.of("技术", "方法"), "01.01", null));

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("includeWeak", true)
                .when().get("/api/demands/" + demand + "/matches").then().statusCode(200)
                .body("", not(empty()))
                .body("strong", everyItem(equalTo(false)))
                .body("explanation.matchedTerms.flatten()", empty()));
        Api.asBroker().when().get("/api/demands/" + demand + "/matches").then().statusCode(200).body("", empty());
        Api.asBroker().queryParam("includeWeak", "maybe").when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(400).body("violations[0].field", equalTo("includeWeak"));
    }

    @Test
    void matchedTermsAreContentWordsAndEveryReasonIsACode() {
        String target = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(target, 1, "石墨烯改性水性富锌防腐涂料技术",
                "采用石墨烯片层与锌粉协同的水性环氧富锌涂料，耐盐雾3000小时，锌粉用量降低50%，用于桥梁和海上风电钢结构防腐。",
                List.of("石墨烯", "富锌涂料", "钢结构防腐", "水性涂料"), "04.02", 7));
        MatchingTest.awaitIndexed(target);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "海上风电塔筒钢结构长效防腐涂料",
                "我们目前采用传统溶剂型富锌涂料，海上风电钢结构腐蚀严重，希望采用石墨烯等新技术开发长效防腐涂料，耐盐雾2000小时以上。",
                List.of("防腐涂料", "石墨烯", "钢结构防腐"), "04.02", 6));

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("[0].achievementId", equalTo(target)).body("[0].strong", equalTo(true)));
        Response top = Api.asBroker().when().get("/api/demands/" + demand + "/matches");
        List<String> terms = top.path("[0].explanation.matchedTerms");
        assertTrue(terms.contains("石墨烯"), "the shared rare word is a matched term: " + terms);
        assertTrue(terms.stream().noneMatch(NOT_CONTENT::contains), "no stop or generic word: " + terms);
        assertTrue(terms.stream().noneMatch(t -> t.codePointCount(0, t.length()) == 1), "no lone character: " + terms);

        List<Map<String, Object>> reasons = top.path("[0].explanation.factors.reason");
        reasons.forEach(reason -> assertNotNull(reason.get("code"), "a reason is a code with parameters: " + reason));
        Map<String, Object> field = top.path("[0].explanation.factors.find { it.name == 'field' }.reason");
        assertEquals("FIELD_SAME", field.get("code"));
        assertEquals("04.02", field.get("field"));
        Map<String, Object> maturity = top.path("[0].explanation.factors.find { it.name == 'maturity' }.reason");
        assertEquals(Map.of("code", "TRL_MEETS", "have", 7, "wanted", 6), maturity);
        assertFalse(top.asString().contains("bm25"), "no raw BM25 number is shown");
        double similarity = top.<Number>path("[0].explanation.semanticSimilarity").doubleValue();
        double semantic = top.<Number>path("[0].explanation.factors.find { it.name == 'semantic' }.value").doubleValue();
        assertEquals(similarity, semantic, 1e-4, "the headline similarity and its bar agree");
    }

    @Test
    void theSimilarityIsWeighedAgainstBothSidesNeighboursAndScoresThePairAlikeFromEitherSide() {
        String target = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(target, 1, "高镁锂比盐湖卤水铝系吸附提锂技术",
                "铝系锂离子筛吸附剂，在镁锂比高于300的盐湖老卤中直接吸附提锂，锂收率85%以上，吸附剂循环寿命超过2000次。",
                List.of("盐湖提锂", "吸附剂", "卤水"), "04.01", 6));
        MatchingTest.awaitIndexed(target);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "盐湖卤水低成本提锂工艺",
                "我们在青海有一处高镁锂比盐湖，希望引进吸附法提锂技术，锂收率80%以上，吸附剂寿命长、淡水消耗低。",
                List.of("盐湖提锂", "吸附剂"), "04.01", 5));

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("includeWeak", true)
                .when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("achievementId", org.hamcrest.Matchers.hasItem(target)));
        Response fromDemand = Api.asBroker().queryParam("includeWeak", true).when().get("/api/demands/" + demand + "/matches");
        String pair = "find { it.achievementId == '" + target + "' }";
        Map<String, Object> reason = fromDemand.path(pair + ".explanation.factors.find { it.name == 'semantic' }.reason");
        assertEquals("TEXT_SIMILARITY_NEIGHBOURS", reason.get("code"), "the similarity's reason: " + reason);
        for (String side : List.of("demandNeighbours", "achievementNeighbours")) {
            double neighbours = ((Number) reason.get(side)).doubleValue();
            assertTrue(neighbours > 0 && neighbours <= 1, side + " is a similarity: " + reason);
        }

        double score = fromDemand.<Number>path(pair + ".score").doubleValue();
        await().atMost(PATIENCE).untilAsserted(() -> {
            Response fromAchievement = Api.asBroker().queryParam("includeWeak", true)
                    .when().get("/api/achievements/" + target + "/matches");
            fromAchievement.then().statusCode(200);
            Number other = fromAchievement.path("find { it.demandId == '" + demand + "' }.score");
            assertNotNull(other, "the demand is among the achievement's candidates");
            assertEquals(score, other.doubleValue(), 0.02, "one pair, one score, whichever side asks");
        });
    }

    @Test
    void theStrongPairsAreTheWholeRankingCutAtTheThresholdExplainedTheSame() {
        // Words no other test uses: the search tests share this index and expect their own records on top.
        String strong = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(strong, 1, "薄膜铌酸锂电光调制器芯片",
                "针对400G光模块调制带宽不足的问题，采用薄膜铌酸锂波导与行波电极，调制带宽超过110GHz，半波电压低于2V。",
                List.of("薄膜铌酸锂", "电光调制器", "光模块"), "01.02", 6));
        String weaker = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(weaker, 1, "光模块自动耦合封装设备",
                "面向光模块产线的自动耦合设备，六轴对准，单只耦合时间小于60秒。", List.of("光模块", "耦合封装"), "01.02", 7));
        MatchingTest.awaitIndexed(strong);
        MatchingTest.awaitIndexed(weaker);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "高速光模块薄膜铌酸锂调制器",
                "我们的400G光模块需要高带宽电光调制器，希望寻求薄膜铌酸锂调制器芯片技术，带宽不低于100GHz。",
                List.of("薄膜铌酸锂", "电光调制器", "光模块"), "01.02", 6));

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("achievementId", org.hamcrest.Matchers.hasItem(strong)));
        for (String path : List.of("/api/demands/" + demand + "/matches", "/api/achievements/" + strong + "/matches")) {
            List<Map<String, Object>> shown = Api.asBroker().when().get(path).then().statusCode(200)
                    .extract().jsonPath().getList("");
            List<Map<String, Object>> whole = Api.asBroker().queryParam("includeWeak", true).when().get(path)
                    .then().statusCode(200).extract().jsonPath().getList("");
            assertFalse(shown.isEmpty(), path);
            assertTrue(shown.stream().allMatch(c -> Boolean.TRUE.equals(c.get("strong"))), path + ": " + shown);
            assertEquals(whole.stream().filter(c -> Boolean.TRUE.equals(c.get("strong"))).toList(), shown,
                    path + ": the strong pairs, their order, scores and explanations are those of the whole ranking");
        }
    }
}
