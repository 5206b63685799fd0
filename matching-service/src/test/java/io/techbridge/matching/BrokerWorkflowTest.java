package io.techbridge.matching;

import io.techbridge.events.testing.PublishedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.CursorWalk;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A broker's work on a pair: decisions, the pipeline to a contract, and the moves that are refused. */
@QuarkusTest
@RealServers
class BrokerWorkflowTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    @Inject
    QueuedPairs pairs;

    @Test
    void anApprovedPairMovesThroughThePipelineToAContract() {
        String matchId = proposedPair("盐碱地耐盐水稻新品种选育", "耐盐碱水稻品种在千分之六盐度下亩产500公斤以上。",
                "盐碱地水稻种植", "沿海滩涂盐碱地种水稻产量低，需要耐盐碱水稻品种和配套栽培技术，目标亩产450公斤。");

        decide(matchId, Map.of("decision", "APPROVE", "note", "双方均在本省")).statusCode(200)
                .body("status", equalTo("APPROVED"));
        move(matchId, Map.of("status", "INTRODUCED")).statusCode(200).body("status", equalTo("INTRODUCED"));
        move(matchId, Map.of("status", "NEGOTIATING", "offlineAcceptance", true, "note", "企业负责人电话确认同意对接"))
                .statusCode(200).body("status", equalTo("NEGOTIATING")).body("introductionAcceptedVia", equalTo("OFFLINE"));
        move(matchId, Map.of("status", "CONTRACTED", "contractAmountCny", 1_200_000, "registrationNo", "2026330101000123"))
                .statusCode(200)
                .body("status", equalTo("CONTRACTED"))
                .body("contract.amountCny", equalTo(1_200_000))
                .body("contract.registrationNo", equalTo("2026330101000123"));

        Api.asBroker().when().get("/api/matches/" + matchId).then().statusCode(200)
                .body("history.to", equalTo(List.of("PROPOSED", "APPROVED", "INTRODUCED", "INTRODUCED", "NEGOTIATING",
                        "CONTRACTED")))
                .body("history[0].actor", equalTo("matcher"))
                .body("history.actor.drop(1)", everyItem(equalTo(Api.loginName(TestTokens.broker()))))
                .body("history[3].note", equalTo("introduction accepted offline, recorded by the broker: 企业负责人电话确认同意对接"))
                .body("disclosed", equalTo(true));
        move(matchId, Map.of("status", "FAILED")).statusCode(409).body("type", endsWith("/illegal-state"));

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "match-events")) {
            await().atMost(PATIENCE).until(() -> reader.pollKey(matchId).stream()
                    .anyMatch(r -> r.value().contains("\"MatchContracted\"")));
            List<String> types = reader.pollKey(matchId).stream().map(r -> type(r.value())).distinct()
                    .filter(t -> !t.equals("MatchRescored")).toList();
            assertEquals(List.of("MatchProposed", "MatchApproved", "MatchIntroduced", "MatchIntroductionAccepted",
                    "MatchNegotiating", "MatchContracted"), types);
        }
    }

    @Test
    void illegalMovesAreRefused() {
        String matchId = proposedPair("工业机器人视觉引导无序抓取系统", "基于三维视觉的散乱工件识别与机器人抓取，节拍3秒。",
                "散乱零件机器人上料", "冲压车间散乱堆放的零件需要人工上料，想用机器人视觉自动识别抓取，节拍5秒以内。");

        move(matchId, Map.of("status", "CONTRACTED", "contractAmountCny", 1000, "registrationNo", "2026330101000999"))
                .statusCode(409).body("type", endsWith("/illegal-state")).body("context.status", equalTo("PROPOSED"));
        move(matchId, Map.of("status", "APPROVED")).statusCode(400).body("violations[0].field", equalTo("status"));
        decide(matchId, Map.of("decision", "REJECT")).statusCode(400).body("violations[0].field", equalTo("reasonCode"));
        decide(matchId, Map.of("decision", "MAYBE")).statusCode(400).body("violations[0].field", equalTo("decision"));
        decide(matchId, Map.of("decision", "APPROVE", "version", 99)).statusCode(409).body("type", endsWith("/version-conflict"));
        decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);
        decide(matchId, Map.of("decision", "REJECT", "reasonCode", "OTHER")).statusCode(409);
        move(matchId, Map.of("status", "INTRODUCED")).statusCode(200);
        move(matchId, Map.of("status", "NEGOTIATING", "offlineAcceptance", true, "note", "已电话确认")).statusCode(200);
        move(matchId, Map.of("status", "CONTRACTED", "registrationNo", "2026330101000999")).statusCode(400)
                .body("violations[0].field", equalTo("contractAmountCny"));
        move(matchId, Map.of("status", "CONTRACTED", "contractAmountCny", -5, "registrationNo", "2026330101000999"))
                .statusCode(400).body("violations[0].field", equalTo("contractAmountCny"));
        Api.asBroker().contentType(ContentType.JSON).body("{}").when().post("/api/matches/" + Events.newId() + "/decision")
                .then().statusCode(400);
        decide(java.util.UUID.randomUUID().toString(), Map.of("decision", "APPROVE")).statusCode(404);
    }

    @Test
    void aRejectedPairIsNeverProposedAgain() {
        String demandId = Events.newId();
        String matchId = proposedPair("高速公路隧道火灾早期视频识别", "基于视频的隧道烟火早期识别算法，误报率低于每天0.1次。",
                "隧道火灾早期预警", "我们管养的高速公路隧道需要火灾早期预警，要求烟雾出现30秒内报警，误报少。", demandId);
        decide(matchId, Map.of("decision", "REJECT", "reasonCode", "TOO_EARLY", "note", "企业要求已有应用案例"))
                .statusCode(200).body("status", equalTo("REJECTED")).body("reasonCode", equalTo("TOO_EARLY"));

        ObjectNode changed = Events.demand(demandId, 2, "隧道火灾早期预警（更新）",
                "我们管养的高速公路隧道需要火灾早期视频预警，要求烟雾出现30秒内报警，误报少，可接入现有监控。",
                List.of("隧道", "火灾预警", "视频识别"), "01.08", 6);
        Events.publishDemand("DemandUpdated", changed);
        await().atMost(PATIENCE).untilAsserted(() -> given().baseUri("http://" + TestServers.get().elasticsearchHosts())
                .when().get("/demands/_doc/" + demandId).then().body("_version", equalTo(2)));
        await().atMost(PATIENCE).untilAsserted(() -> Api.asBroker().when().get("/api/demands/" + demandId + "/matches")
                .then().statusCode(200).body("find { it.matchId == '" + matchId + "' }.matchStatus", equalTo("REJECTED")));
        Api.asBroker().when().get("/api/matches/" + matchId).then().body("status", equalTo("REJECTED")).body("version", equalTo(2));
        Api.asBroker().queryParam("demandId", demandId).queryParam("status", "PROPOSED").when().get("/api/matches").then()
                .body("items.findAll { it.id == '" + matchId + "' }", hasSize(0));
    }

    @Test
    void walkingTheQueueByCursorGivesEveryPairOnceBestFirstWhileMoreAreProposed() {
        String demandId = Events.newId();
        // Ties on the score are ordered by id, so a page may end inside them.
        for (double score : new double[] {0.4, 0.45, 0.5, 0.5, 0.5, 0.55, 0.7, 0.7}) {
            pairs.proposed(demandId, score);
        }
        String queue = "/api/matches?demandId=" + demandId + "&size=2";
        List<String> listed = Api.asBroker().when().get(queue.replace("size=2", "size=100")).then().statusCode(200)
                .extract().path("items.id");
        List<Float> scores = Api.asBroker().when().get(queue.replace("size=2", "size=100")).then()
                .extract().path("items.score");
        assertEquals(scores.stream().sorted(java.util.Comparator.reverseOrder()).toList(), scores, "best first");

        // New pairs score from the top to the bottom of the queue: wherever they land, the others stay once each.
        double[] added = {0.99, 0.36, 0.6};
        int[] next = {0};
        try {
            List<String> walked = CursorWalk.walk(Api::asBroker, queue,
                    () -> pairs.proposed(demandId, added[next[0]++ % added.length]));
            assertEquals(listed, walked.stream().filter(listed::contains).toList());
            assertEquals(walked.size(), walked.stream().distinct().count(), "no pair twice");
        } finally {
            pairs.removeAll(demandId);
        }
    }

    @Test
    void aChangedQueueCursorOrOneSentWithPageIsRefusedNamingCursor() {
        String demandId = Events.newId();
        pairs.proposed(demandId, 0.5);
        pairs.proposed(demandId, 0.7);
        try {
            CursorWalk.refusesBadCursors(Api::asBroker, "/api/matches", "demandId=" + demandId + "&size=1");
        } finally {
            pairs.removeAll(demandId);
        }
    }

    private String proposedPair(String achievementTitle, String summary, String demandTitle, String problem) {
        return proposedPair(achievementTitle, summary, demandTitle, problem, Events.newId());
    }

    private String proposedPair(String achievementTitle, String summary, String demandTitle, String problem, String demandId) {
        String achievementId = Events.newId();
        Events.publishAchievement("AchievementCreated", Events.achievement(achievementId, 1, achievementTitle, summary,
                List.of(achievementTitle.substring(0, 4)), "01.08", 7));
        MatchingTest.awaitIndexed(achievementId);
        Events.publishDemand("DemandCreated", Events.demand(demandId, 1, demandTitle, problem,
                List.of(demandTitle.substring(0, 4)), "01.08", 6));
        return Api.awaitPair(demandId, achievementId);
    }

    private static ValidatableResponse decide(String matchId, Map<String, Object> body) {
        return Api.decide(matchId, body);
    }

    private static ValidatableResponse move(String matchId, Map<String, Object> body) {
        return Api.move(matchId, body);
    }

    /** The event's type, once it has read as the match contract. */
    private static String type(String envelope) {
        return PublishedEvents.checked(envelope).get("type").asText();
    }
}
