package io.techbridge.matching;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.techbridge.events.AchievementPayload;
import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.learning.LearnedWeights;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.matching.Neighbour;
import io.techbridge.matching.matching.NeighbourhoodStore;
import io.techbridge.matching.messaging.ListingDocuments;
import io.techbridge.matching.persistence.StoredNeighbourhoods;
import io.techbridge.matching.persistence.StoredStandings;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.workflow.PoolCheck;
import io.techbridge.matching.workflow.ProposalService;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Keeping proposals current without redoing work: a version that changes nothing a pair is scored
 * from queues nothing, a pair scored from the achievement's side is judged against its demand's
 * stored standing, giving the score the demand's own ranking gives, and an achievement's
 * neighbourhood found once is read by any instance.
 */
@QuarkusTest
@RealServers
class ProposalUpkeepTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Inject
    ProposalService proposals;

    @Inject
    EntityManager entityManager;

    @Inject
    ElasticsearchClient client;

    @Inject
    MatchingConfig config;

    @Inject
    LearnedWeights weights;

    @Inject
    StoredStandings standings;

    @Inject
    StoredNeighbourhoods neighbourhoods;

    @Inject
    DocumentIndexer documents;

    @Inject
    PoolCheck poolCheck;

    @Test
    @TestTransaction
    void aVersionThatChangesOnlyTheInventorsQueuesNoProposalsAndOneThatChangesTheTextDoes() throws Exception {
        String id = Events.newId();
        ObjectNode v1 = Events.achievement(id, 1, "高盐废水分盐结晶零排放技术",
                "纳滤分盐与蒸发结晶组合工艺，氯化钠纯度98%以上。", List.of("高盐废水", "分盐结晶"), "07.01", 6);
        assertEquals(1, proposals.record(List.of(document(v1)), List.of()));
        assertEquals(1, queued(id), "a new record is queued for its proposals");
        entityManager.createNativeQuery("DELETE FROM proposal_task WHERE aggregate_id = ?1").setParameter(1, id)
                .executeUpdate();

        ObjectNode v2 = v1.deepCopy().put("version", 2).put("updatedAt", Instant.now().plusSeconds(5).toString());
        v2.putArray("inventors").add("李明").add("王芳");
        assertEquals(1, proposals.record(List.of(document(v2)), List.of()), "the version is applied");
        assertEquals(0, queued(id), "new inventors change no pair");

        ObjectNode v3 = v2.deepCopy().put("version", 3).put("title", "高盐废水分盐结晶与资源化零排放技术");
        proposals.record(List.of(document(v3)), List.of());
        assertEquals(1, queued(id), "a new title changes what its pairs are scored from");
        entityManager.createNativeQuery("DELETE FROM proposal_task WHERE aggregate_id = ?1").setParameter(1, id)
                .executeUpdate();

        ObjectNode v4 = v3.deepCopy().put("version", 4).put("status", "WITHDRAWN");
        proposals.record(List.of(document(v4)), List.of());
        assertEquals(1, queued(id), "leaving the pool withdraws its proposals");
    }

    @Test
    void aPairFoundFromTheAchievementsSideScoresAsInTheDemandsRankingAndTheStandingIsKeptPerVersion() {
        recordsOfOtherFields();
        String early = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(early, 1, "锂电池正极材料回收湿法冶金技术",
                "退役锂电池正极粉经酸浸、萃取分离回收镍钴锰锂，金属回收率95%以上。", List.of("电池回收", "湿法冶金"), "06.02", 6));
        MatchingTest.awaitIndexed(early);
        String demand = Events.newId();
        ObjectNode d1 = Events.demand(demand, 1, "退役动力电池正极材料高值化回收",
                "我公司每年收集退役动力电池5000吨，需要正极材料中镍钴锰锂的高效回收技术，锂回收率90%以上。",
                List.of("电池回收", "正极材料", "锂回收"), "06.02", 5);
        Events.publishDemand("DemandCreated", d1);
        Api.awaitPair(demand, early);
        assertEquals(1L, await().atMost(Api.PATIENCE).until(() -> standingVersion(demand), v -> v != null));

        // A later achievement is proposed from its own side, against the demand's kept standing.
        String later = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(later, 1, "退役动力电池正极材料直接再生修复技术",
                "退役电池正极材料经补锂与高温固相修复直接再生，锂回收率92%，镍钴锰无需分离，成本降低30%。",
                List.of("电池回收", "正极材料", "直接再生"), "06.02", 6));
        Api.awaitPair(demand, later);
        Response fromAchievement = Api.asBroker().queryParam("includeWeak", true)
                .when().get("/api/achievements/" + later + "/matches");
        Response fromDemand = Api.asBroker().queryParam("includeWeak", true).when().get("/api/demands/" + demand + "/matches");
        double achievementSide = fromAchievement.<Number>path("find { it.demandId == '" + demand + "' }.score").doubleValue();
        double demandSide = fromDemand.<Number>path("find { it.achievementId == '" + later + "' }.score").doubleValue();
        assertEquals(demandSide, achievementSide, 0.02, "the same pair scores the same from either side, within two points");

        ObjectNode d2 = d1.deepCopy().put("version", 2).put("problem",
                "我公司每年收集退役动力电池8000吨，需要正极材料直接再生或镍钴锰锂高效回收技术，锂回收率90%以上。");
        Events.publishDemand("DemandUpdated", d2);
        assertEquals(2L, await().atMost(Api.PATIENCE).until(() -> standingVersion(demand), v -> v != null && v == 2));
    }

    @Test
    void anAchievementsNeighbourhoodIsKeptInTheDatabaseWhereAnotherInstanceReadsItInsteadOfSearchingAgain() {
        List<String> demands = new java.util.ArrayList<>();
        String[] topics = {"无人机抗风姿态控制", "无人机电池快速更换", "无人机集群通信组网", "无人机航测三维建模", "无人机自主避障",
            "无人机植保精准喷洒"};
        for (String topic : topics) {
            String id = Events.newId();
            Events.publishDemand("DemandCreated", Events.demand(id, 1, topic + "技术需求",
                    "我公司需要" + topic + "技术，提高作业可靠性，降低成本。", List.of("无人机", topic), "03.01", 5));
            demands.add(id);
        }
        demands.forEach(id -> await().atMost(Api.PATIENCE).untilAsserted(() -> Api.asBroker()
                .when().get("/api/demands/" + id + "/matches").then().statusCode(200)));
        String achievement = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(achievement, 1, "多旋翼无人机强风扰动自适应姿态控制技术",
                "基于扰动观测器与自适应滑模控制，多旋翼无人机在12米每秒阵风下悬停位置误差小于0.3米。",
                List.of("无人机", "姿态控制"), "03.01", 6));
        MatchingTest.awaitIndexed(achievement);
        String demandId = demands.get(0);
        Api.asBroker().queryParam("includeWeak", true).when().get("/api/demands/" + demandId + "/matches")
                .then().statusCode(200);
        List<String> all = new java.util.ArrayList<>(demands);
        all.add(achievement);
        await().atMost(Api.PATIENCE).until(() -> pendingProposals(all) == 0 && !storedNeighbourhood(achievement).isEmpty());
        Object[] row = (Object[]) storedNeighbourhood(achievement).get(0);
        assertEquals(1L, ((Number) row[0]).longValue(), "kept for the achievement's version");
        assertEquals(5, ((Number) row[1]).intValue(), "its five nearest open demands");

        // What a newly started instance scores the pair with is the stored neighbourhood: an achievement
        // near every demand stands out less in any one pair.
        DemandDocument demand = documents.demands(IndexAdmin.DEMANDS, List.of(demandId)).get(demandId);
        storeNeighbourSimilarity(achievement, 0.99);
        double nearEverything = pairScore(freshMatcher(), demand, achievement);
        storeNeighbourSimilarity(achievement, 0.10);
        double nearNothing = pairScore(freshMatcher(), demand, achievement);
        assertTrue(nearNothing > nearEverything, "a new instance reads the stored neighbourhood instead of searching again: "
                + nearNothing + " against " + nearEverything);
    }

    /**
     * Found by the fault drill: right after Elasticsearch restarted, a shard not yet active answered a
     * record's read per document; read as "no such record", the record's proposal task was done with
     * nothing recomputed, and a closed demand kept its proposals.
     */
    @Test
    void aRecordWhoseShardIsNotAvailableIsAnErrorToRetryNotAnAbsentRecord() throws Exception {
        String index = "demands-unassigned-" + System.nanoTime();
        client.indices().create(c -> c.index(index).waitForActiveShards(w -> w.count(0)).settings(s -> s
                .numberOfReplicas("0").otherSettings("index.routing.allocation.require._name",
                        co.elastic.clients.json.JsonData.of("no-such-node"))));
        try {
            java.io.UncheckedIOException refused = org.junit.jupiter.api.Assertions.assertThrows(java.io.UncheckedIOException.class,
                    () -> documents.demands(index, List.of(Events.newId())));
            assertTrue(refused.getMessage().contains(index), refused.getMessage());
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    /**
     * What a lost task left behind (before the shard fault above was fixed): a demand out of the pool
     * whose proposal still stood in the brokers' queue. The pool check finds it and withdraws it.
     */
    @Test
    void aProposalLeftStandingForADemandThatLeftThePoolIsWithdrawnByThePoolCheck() {
        ObjectNode open = Events.demand(Events.newId(), 1, "冷藏车厢温湿度实时监测需求",
                "我公司有冷藏车200辆，运输途中车厢温湿度无法实时掌握，需要无线温湿度监测和超限报警系统，数据可追溯。",
                List.of("冷链物流", "温湿度监测", "冷藏车"), "05.01", 6);
        String pair = Api.proposedPair(Events.achievement(Events.newId(), 1, "冷链物流车厢温湿度无线监测系统",
                "低功耗无线传感节点实时采集冷藏车厢温湿度，超限自动报警，数据上传云平台，电池续航两年。",
                List.of("冷链物流", "温湿度监测"), "05.01", 7), open);
        Events.publishDemand("DemandClosed", open.deepCopy().put("version", 2).put("status", "CLOSED"));
        await().atMost(Api.PATIENCE).until(() -> pairStatus(pair), "WITHDRAWN"::equals);

        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                "UPDATE match_pair SET status = 'PROPOSED' WHERE id = CAST(?1 AS uuid)").setParameter(1, pair).executeUpdate());
        assertTrue(poolCheck.run() >= 1, "the closed demand is queued again");

        await().atMost(Api.PATIENCE).until(() -> pairStatus(pair), "WITHDRAWN"::equals);
    }

    @Test
    void neighbourhoodsFoundLongerAgoThanTheyAreUsedAreDroppedAndFreshOnesStay() throws Exception {
        AchievementDocument outdated = document(Events.achievement(Events.newId(), 3, "锂电池极片激光清洗技术",
                "纳秒激光去除极片涂层边缘残留，清洗效率提升3倍。", List.of("锂电池", "激光清洗"), "05.03", 6));
        AchievementDocument fresh = document(Events.achievement(Events.newId(), 1, "锂电池隔膜涂覆在线检测",
                "机器视觉在线检测隔膜涂覆缺陷，漏检率低于0.1%。", List.of("锂电池", "机器视觉"), "05.03", 6));
        List<Neighbour> near = List.of(new Neighbour(Events.newId(), 0.8), new Neighbour(Events.newId(), 0.7));
        Instant now = Instant.now();
        neighbourhoods.save(java.util.Map.of(outdated, near), now.minus(NeighbourhoodStore.KEPT_FOR).minusSeconds(60));
        neighbourhoods.save(java.util.Map.of(fresh, near), now);

        assertTrue(neighbourhoods.prune(now.minus(NeighbourhoodStore.KEPT_FOR)) >= 1);

        assertTrue(storedNeighbourhood(outdated.id()).isEmpty(), "a neighbourhood no ranking reads any more is dropped");
        assertEquals(1, storedNeighbourhood(fresh.id()).size(), "one still in use stays");
        assertEquals(near, neighbourhoods.find(List.of(fresh), now.minus(NeighbourhoodStore.KEPT_FOR)).get(fresh.id()).nearest());
    }

    private void storeNeighbourSimilarity(String achievementId, double cosine) {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        UPDATE achievement_neighbourhood SET neighbours = (SELECT jsonb_agg(jsonb_set(n, '{cosine}', to_jsonb(?2)))
                            FROM jsonb_array_elements(neighbours) n) WHERE achievement_id = ?1""")
                .setParameter(1, achievementId).setParameter(2, cosine).executeUpdate());
    }

    private String pairStatus(String pairId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "SELECT status FROM match_pair WHERE id = CAST(?1 AS uuid)").setParameter(1, pairId).getSingleResult());
    }

    private long pendingProposals(List<String> ids) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM proposal_task WHERE aggregate_id IN (?1)").setParameter(1, ids).getSingleResult()).longValue());
    }

    /**
     * Achievements and demands of other fields, as any pool holds: a pair counts by how far its two
     * sides stand out from their usual neighbours, which a pool of the pair alone does not have.
     */
    private static void recordsOfOtherFields() {
        String[][] achievements = {
            {"茶园病虫害绿色防控技术", "性诱剂与色板诱杀结合天敌释放，茶园化学农药用量减少60%。", "09.01"},
            {"装配式建筑钢筋套筒灌浆质量检测方法", "基于压电阻抗的套筒灌浆饱满度无损检测，准确率95%。", "04.02"},
            {"高支数棉纱低捻纺纱技术", "紧密赛络纺与低捻工艺结合，纱线毛羽减少40%，织物手感柔软。", "01.08"},
            {"中药配方颗粒指纹图谱质控方法", "高效液相色谱指纹图谱结合化学计量学，批间一致性评价。", "02.06"},
            {"冷链果蔬气调保鲜包装技术", "自发气调包装膜与乙烯吸附剂，草莓货架期延长至12天。", "05.01"},
            {"工业设备振动监测边缘计算网关", "多通道振动采集与边缘端故障诊断，轴承故障识别率92%。", "08.04"}};
        String[][] demands = {
            {"水稻秸秆还田快速腐熟技术需求", "我公司需要秸秆快速腐熟菌剂，缩短腐熟周期，提高土壤有机质。", "09.01"},
            {"隧道衬砌空洞无损检测技术需求", "需要隧道衬砌背后空洞的快速检测方法，检测速度每小时2公里以上。", "04.02"},
            {"羊绒织物抗起球整理技术需求", "羊绒针织衫起球严重，需要不影响手感的抗起球整理工艺。", "01.08"},
            {"中药饮片重金属快速检测需求", "需要中药饮片中铅镉砷汞的现场快速检测方法，每批检测30分钟内完成。", "02.06"},
            {"乳制品低温杀菌工艺优化需求", "需要保留活性蛋白的低温杀菌工艺，货架期不少于21天。", "05.01"},
            {"数控机床主轴热变形补偿需求", "数控机床连续加工时主轴热伸长影响精度，需要实时补偿技术。", "08.04"}};
        List<String> achievementIds = new java.util.ArrayList<>();
        for (String[] a : achievements) {
            String id = Events.newId();
            Events.publishAchievement("AchievementCreated", Events.achievement(id, 1, a[0], a[1], List.of(a[0].substring(0, 4)), a[2], 6));
            achievementIds.add(id);
        }
        List<String> demandIds = new java.util.ArrayList<>();
        for (String[] d : demands) {
            String id = Events.newId();
            Events.publishDemand("DemandCreated", Events.demand(id, 1, d[0], d[1], List.of(d[0].substring(0, 4)), d[2], 5));
            demandIds.add(id);
        }
        achievementIds.forEach(MatchingTest::awaitIndexed);
        demandIds.forEach(id -> await().atMost(Api.PATIENCE).untilAsserted(() -> Api.asBroker()
                .when().get("/api/demands/" + id + "/matches").then().statusCode(200)));
    }

    /** A matcher as a newly started instance has it: nothing in memory, the service's stores behind it. */
    private Matcher freshMatcher() {
        return new Matcher(client, config, IndexAdmin.ACHIEVEMENTS, IndexAdmin.DEMANDS, weights, standings, neighbourhoods);
    }

    private static double pairScore(Matcher matcher, DemandDocument demand, String achievementId) {
        return matcher.forDemand(demand, 50).stream().filter(p -> p.achievement().id().equals(achievementId))
                .findFirst().orElseThrow(() -> new AssertionError(achievementId + " is not among the demand's candidates"))
                .score();
    }

    private List<?> storedNeighbourhood(String achievementId) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery("""
                        SELECT achievement_version, jsonb_array_length(neighbours) FROM achievement_neighbourhood
                        WHERE achievement_id = ?1""").setParameter(1, achievementId).getResultList());
    }

    private static AchievementDocument document(ObjectNode payload) throws Exception {
        return ListingDocuments.of(JSON.treeToValue(payload, AchievementPayload.class));
    }

    private long queued(String id) {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM proposal_task WHERE aggregate_id = ?1")
                .setParameter(1, id).getSingleResult()).longValue();
    }

    private Long standingVersion(String demandId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = entityManager.createNativeQuery("SELECT demand_version FROM demand_standing WHERE demand_id = ?1")
                    .setParameter(1, demandId).getResultList();
            return rows.isEmpty() ? null : ((Number) rows.get(0)).longValue();
        });
    }
}
