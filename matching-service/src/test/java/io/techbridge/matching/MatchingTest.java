package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestServers;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The matcher against real Kafka, Elasticsearch and PostgreSQL: the right pair on top, kept current as records change. */
@QuarkusTest
@RealServers
class MatchingTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Test
    void newChineseDemandGetsTheRightAchievementOnTopAmongDistractors() {
        String target = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(target, 1, "高镍三元正极材料表面包覆改性技术",
                "采用原子层沉积在高镍三元正极颗粒表面包覆氧化铝纳米层，抑制电解液副反应和过渡金属溶出，锂离子电池1000次循环容量保持率由78%提升至92%。",
                List.of("高镍三元", "正极材料", "表面包覆", "锂离子电池", "循环寿命"), "06.03", 6));
        List<String> distractors = publishDistractors(
                new String[]{"钠离子电池硬碳负极材料制备技术", "以生物质为原料制备硬碳负极，首次库伦效率88%，适用于钠离子电池储能。", "07"},
                new String[]{"废旧锂电池湿法冶金回收技术", "对退役动力电池黑粉进行酸浸和萃取，回收镍钴锰锂，回收率大于98%。", "07"},
                new String[]{"光伏组件清洁机器人", "适用于大型地面电站的无水清扫机器人，日清洁面积2万平方米。", "08"},
                new String[]{"聚酰亚胺耐高温薄膜", "连续双向拉伸工艺制备聚酰亚胺薄膜，耐温400摄氏度，用于柔性电路。", "04"});
        awaitIndexed(target);
        distractors.forEach(MatchingTest::awaitIndexed);

        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "提升动力电池正极循环寿命",
                "我司生产的高镍811正极材料在高温循环中容量衰减快，电芯循环寿命达不到车企要求，需要正极表面改性或包覆技术，抑制副反应。",
                List.of("正极材料", "高镍", "循环寿命"), "06.03", 5));

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("limit", 5)
                .when().get("/api/demands/" + demand + "/matches").then().statusCode(200)
                .body("[0].achievementId", equalTo(target)));
        Response top = Api.asBroker().queryParam("limit", 5).when().get("/api/demands/" + demand + "/matches");
        double score = top.<Number>path("[0].score").doubleValue();
        assertTrue(score > 0 && score <= 1, "score in (0, 1]: " + score);
        List<String> factors = top.path("[0].explanation.factors.name");
        assertEquals(List.of("semantic", "lexical", "field", "maturity", "modes", "budget", "region", "freshness", "standing"),
                factors);
        List<String> terms = top.path("[0].explanation.matchedTerms");
        assertFalse(terms.isEmpty(), "matched terms are shown");
        double contributions = ((List<Float>) top.path("[0].explanation.factors.contribution")).stream()
                .mapToDouble(Float::doubleValue).sum();
        assertEquals(score, contributions, 0.001, "the factors add up to the score");

        // The demand's good pairs became proposals.
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("demandId", demand)
                .when().get("/api/matches").then().statusCode(200)
                .body("items.achievementId", hasItem(target))
                .body("items.find { it.achievementId == '" + target + "' }.status", equalTo("PROPOSED")));
    }

    @Test
    void newEnglishDemandGetsTheRightAchievementOnTop() {
        String target = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(target, 1,
                "Nickel-iron layered double hydroxide catalyst for alkaline water electrolysis",
                "A non-precious NiFe LDH electrode grown on nickel foam lowers the oxygen evolution overpotential to 210 mV at 10 mA/cm2 and ran 2000 hours in 30% KOH without decay, for low-cost green hydrogen.",
                List.of("water electrolysis", "hydrogen", "catalyst", "alkaline electrolyzer"), "06.01", 6));
        List<String> distractors = publishDistractors(
                new String[]{"Solid oxide fuel cell stack glass sealing", "A glass-ceramic seal for planar SOFC stacks stable over 500 thermal cycles.", "06"},
                new String[]{"Metal hydride hydrogen storage canister", "Magnesium-based hydride stores hydrogen at 5 wt% for forklifts.", "06"},
                new String[]{"Electrochemical oxidation of landfill leachate", "Boron-doped diamond anodes remove COD from leachate at low energy.", "07"});
        awaitIndexed(target);
        distractors.forEach(MatchingTest::awaitIndexed);

        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "Durable low-cost catalyst for our alkaline electrolyzers",
                "We build alkaline electrolyzers for green hydrogen and need electrodes without platinum or iridium that keep a low overpotential for thousands of hours.",
                List.of("electrolyzer", "catalyst", "green hydrogen"), "06.01", 5));

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("[0].achievementId", equalTo(target)));
    }

    @Test
    void anUpdatedAchievementIsReRankedAndAnOldVersionChangesNothing() {
        String demand = Events.newId();
        String steady = Events.newId();
        String changing = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(steady, 1, "纺织印染废水生化处理工艺",
                "针对印染废水的水解酸化与好氧生化组合工艺，COD去除率85%。", List.of("印染废水", "生化处理"), "07.01", 7));
        ObjectNode before = Events.achievement(changing, 1, "城市园林绿化废弃物堆肥技术",
                "园林枝叶粉碎后好氧堆肥，30天腐熟，用于土壤改良。", List.of("堆肥", "园林废弃物"), "07.03", 7);
        Events.publishAchievement("AchievementCreated", before);
        awaitIndexed(steady);
        awaitIndexed(changing);
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "印染废水深度脱色与回用",
                "我厂印染废水经生化处理后色度仍然偏高，无法回用，需要深度脱色技术，出水色度低于20倍，回用于漂洗工序。",
                List.of("印染废水", "脱色", "回用"), "07.01", 6));
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("[0].achievementId", equalTo(steady)));

        ObjectNode after = Events.achievement(changing, 2, "印染废水臭氧催化氧化深度脱色回用技术",
                "采用负载型锰铈催化剂的臭氧催化氧化工艺，对印染废水生化出水深度脱色，色度由80倍降至10倍以下，COD同步降低40%，出水回用于漂洗。",
                List.of("印染废水", "深度脱色", "臭氧催化氧化", "回用"), "07.01", 7);
        Events.publishAchievement("AchievementUpdated", after);
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demand + "/matches")
                .then().statusCode(200).body("[0].achievementId", equalTo(changing)));

        // The old version arrives late, and again a duplicate of the new one: neither changes the index.
        Events.publishAchievement("AchievementCreated", before);
        Events.publishAchievement("AchievementUpdated", after);
        String marker = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(marker, 1, "标记成果", "用于确认之前的消息已处理。",
                List.of("标记"), "05.01", 3));
        awaitIndexed(marker);
        Api.asBroker().when().get("/api/achievements/" + changing + "/matches").then().statusCode(200);
        given().baseUri("http://" + TestServers.get().elasticsearchHosts()).when().get("/achievements/_doc/" + changing)
                .then().statusCode(200).body("_version", equalTo(2))
                .body("_source.title", equalTo("印染废水臭氧催化氧化深度脱色回用技术"))
                // The vector stays out of the stored source (most of its size), and comes back when asked for.
                .body("_source", not(org.hamcrest.Matchers.hasKey("embedding")));
        given().baseUri("http://" + TestServers.get().elasticsearchHosts()).queryParam("_source_exclude_vectors", false)
                .when().get("/achievements/_doc/" + changing).then().statusCode(200)
                .body("_source.embedding.size()", equalTo(512));
    }

    @Test
    void aWithdrawnAchievementLeavesThePoolAndItsProposalIsWithdrawn() {
        String achievement = Events.newId();
        ObjectNode published = Events.achievement(achievement, 1, "果蔬采后保鲜气调包装技术",
                "基于微孔膜的自发气调包装，草莓货架期由3天延长至9天，适用于冷链电商。", List.of("气调包装", "果蔬保鲜", "货架期"), "02.06", 7);
        Events.publishAchievement("AchievementCreated", published);
        awaitIndexed(achievement);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "草莓电商配送保鲜",
                "我们做高端草莓电商，冷链配送途中草莓腐烂率高，货架期短，需要保鲜包装技术，把货架期延长到一周以上。",
                List.of("草莓", "保鲜", "包装", "货架期"), "02.06", 6));
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("demandId", demand).when().get("/api/matches")
                .then().body("items.find { it.achievementId == '" + achievement + "' }.status", equalTo("PROPOSED")));

        ObjectNode withdrawn = published.deepCopy();
        withdrawn.put("version", 2).put("status", "WITHDRAWN");
        Events.publishAchievement("AchievementWithdrawn", withdrawn);

        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("demandId", demand).when().get("/api/matches")
                .then().body("items.find { it.achievementId == '" + achievement + "' }.status", equalTo("WITHDRAWN")));
        Api.asBroker().when().get("/api/demands/" + demand + "/matches").then().statusCode(200)
                .body("achievementId", not(hasItem(achievement)));
    }

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDemandRecomputedWhileTheIndexStillShowsAWithdrawnAchievementDoesNotKeepItProposed() throws Exception {
        // What the fault drill (deploy/local/drill) found: pairs left PROPOSED with a withdrawn or transferred
        // achievement, when a demand's proposals were recomputed from an index that did not show the withdrawal yet
        // while the withdrawal's own recomputation had already run. The applied state in PostgreSQL decides.
        String achievement = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(achievement, 1, "蓝莓采后冷链保鲜气调包装技术",
                "基于微孔膜的自发气调包装，蓝莓货架期由5天延长至15天，适用于冷链电商配送。", List.of("气调包装", "蓝莓保鲜", "冷链"),
                "02.06", 7));
        awaitIndexed(achievement);
        String demand = Events.newId();
        Events.publishDemand("DemandCreated", Events.demand(demand, 1, "蓝莓电商冷链配送保鲜",
                "我们做蓝莓电商，冷链配送途中蓝莓腐烂率高，货架期短，需要气调保鲜包装技术，把货架期延长到两周。",
                List.of("蓝莓", "保鲜", "气调包装", "冷链"), "02.06", 6));
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("demandId", demand).when().get("/api/matches")
                .then().body("items.find { it.achievementId == '" + achievement + "' }.status", equalTo("PROPOSED")));

        // The withdrawal applied and committed, the index not showing it yet, and the demand queued again.
        try (java.sql.Connection connection = dataSource.getConnection()) {
            try (java.sql.PreparedStatement applied = connection.prepareStatement("UPDATE indexed_record SET status = 'WITHDRAWN',"
                    + " in_pool = false WHERE aggregate_type = 'Achievement' AND aggregate_id = ?")) {
                applied.setString(1, achievement);
                assertEquals(1, applied.executeUpdate());
            }
            try (java.sql.PreparedStatement queued = connection.prepareStatement("INSERT INTO proposal_task"
                    + " (aggregate_type, aggregate_id, version, enqueued_at) VALUES ('Demand', ?, 1, now()) ON CONFLICT DO NOTHING")) {
                queued.setString(1, demand);
                queued.executeUpdate();
            }
        }
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().queryParam("demandId", demand).when().get("/api/matches")
                .then().body("items.find { it.achievementId == '" + achievement + "' }.status", equalTo("WITHDRAWN")));
    }

    @Test
    void unknownRecordsAndBadParametersAreRefused() {
        Api.asBroker().when().get("/api/demands/" + Events.newId() + "/matches").then().statusCode(404)
                .contentType("application/problem+json");
        Api.asBroker().queryParam("limit", 0).when().get("/api/demands/x/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("limit"));
        Api.asBroker().queryParam("minScore", 2).when().get("/api/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("minScore"));
        Api.asBroker().queryParam("status", "MAYBE").when().get("/api/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
    }

    private static List<String> publishDistractors(String[]... distractors) {
        return java.util.Arrays.stream(distractors).map(d -> {
            String id = Events.newId();
            Events.publishAchievement("AchievementCreated", Events.achievement(id, 1, d[0], d[1], List.of(d[0].substring(0, 4)),
                    d[2], 6));
            return id;
        }).toList();
    }

    static void awaitIndexed(String achievementId) {
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/achievements/" + achievementId + "/matches")
                .then().statusCode(200));
    }
}
