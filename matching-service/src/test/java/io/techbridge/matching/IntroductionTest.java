package io.techbridge.matching;

import io.techbridge.events.testing.PublishedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The enterprise's answer to an introduction: accepting discloses the pair, declining ends it, and only once. */
@QuarkusTest
@RealServers
class IntroductionTest {

    /** A pair of a university and an enterprise organisation of their own, introduced by a broker. */
    private record Introduced(String matchId, String university, String enterprise) {
    }

    @Test
    void acceptingDisclosesThePairOnMatchEventsAndInItsViewForGood() {
        Introduced pair = introduced("桥梁拉索磁致伸缩导波无损检测技术",
                "基于磁致伸缩导波的斜拉桥拉索断丝无损检测，可在线检测拉索内部断丝与锈蚀，单次检测长度30米。",
                "斜拉桥拉索断丝在线检测",
                "我们管养的斜拉桥拉索已使用二十年，担心内部断丝和锈蚀，需要拉索断丝无损检测技术，最好能在线检测。",
                List.of("拉索", "断丝", "无损检测"), "08.02");
        String enterprise = TestTokens.enterprise(pair.enterprise());

        Api.answer(enterprise, pair.matchId(), Map.of("accept", true, "note", "同意对接，请安排技术交流")).statusCode(200)
                .body("status", equalTo("INTRODUCED"))
                .body("disclosed", equalTo(true))
                .body("introductionAcceptedAt", notNullValue())
                .body("introductionAcceptedVia", equalTo("ENTERPRISE"))
                .body("history[-1].from", equalTo("INTRODUCED"))
                .body("history[-1].to", equalTo("INTRODUCED"))
                .body("history[-1].actor", equalTo(Api.loginName(enterprise)))
                .body("history[-1].note", equalTo("同意对接，请安排技术交流"));
        // The university sees the disclosure in the pair view.
        Api.as(TestTokens.university(pair.university())).when().get("/api/matches/" + pair.matchId()).then()
                .statusCode(200).body("disclosed", equalTo(true)).body("introductionAcceptedAt", notNullValue());

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "match-events")) {
            await().atMost(Api.PATIENCE).until(() -> reader.pollKey(pair.matchId()).stream()
                    .anyMatch(r -> type(r.value()).equals("MatchIntroductionAccepted")));
            JsonNode accepted = reader.pollKey(pair.matchId()).stream().map(r -> json(r.value()))
                    .filter(e -> e.get("type").asText().equals("MatchIntroductionAccepted")).findFirst().orElseThrow();
            assertTrue(accepted.at("/payload/disclosed").asBoolean(), accepted.toString());
            assertFalse(accepted.at("/payload/introductionAcceptedAt").isMissingNode(), accepted.toString());
            assertEquals(accepted.at("/payload/version").asLong(), accepted.get("aggregateVersion").asLong());
            JsonNode introduced = reader.pollKey(pair.matchId()).stream().map(r -> json(r.value()))
                    .filter(e -> e.get("type").asText().equals("MatchIntroduced")).findFirst().orElseThrow();
            assertFalse(introduced.at("/payload/disclosed").asBoolean(), "not disclosed before the answer");
        }

        // Answered once: a second answer, either way, is refused.
        Api.answer(enterprise, pair.matchId(), Map.of("accept", false)).statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/illegal-state"));
        Api.answer(enterprise, pair.matchId(), Map.of("accept", true)).statusCode(409);
        // The pipeline goes on and the pair stays disclosed.
        Api.move(pair.matchId(), Map.of("status", "NEGOTIATING")).statusCode(200)
                .body("status", equalTo("NEGOTIATING")).body("disclosed", equalTo(true));
    }

    @Test
    void decliningEndsThePairWithTheNoteRecordedAsTheEnterprisesMove() {
        Introduced pair = introduced("规模猪场粪污高温厌氧发酵沼气提纯技术",
                "规模猪场粪污经高温厌氧发酵产沼气，沼气经膜分离提纯为生物天然气，甲烷含量97%，沼渣制有机肥。",
                "万头猪场粪污厌氧发酵沼气利用",
                "我们万头猪场粪污处理压力大，需要猪场粪污厌氧发酵产沼气并提纯利用的技术，沼渣做有机肥。",
                List.of("猪场粪污", "厌氧发酵", "沼气"), "07.03");
        String enterprise = TestTokens.enterprise(pair.enterprise());

        Api.answer(enterprise, pair.matchId(), Map.of("accept", false, "note", "已有合作单位")).statusCode(200)
                .body("status", equalTo("FAILED"))
                .body("note", equalTo("已有合作单位"))
                .body("disclosed", equalTo(false))
                .body("history[-1].from", equalTo("INTRODUCED"))
                .body("history[-1].to", equalTo("FAILED"))
                .body("history[-1].actor", equalTo(Api.loginName(enterprise)))
                .body("history[-1].note", equalTo("已有合作单位"));
        Api.answer(enterprise, pair.matchId(), Map.of("accept", true)).statusCode(409)
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo("FAILED"));
        Api.asBroker().when().get("/api/matches/" + pair.matchId()).then().body("status", equalTo("FAILED"));
    }

    @Test
    void onlyAnIntroductionNotYetAnsweredCanBeAnsweredAndNegotiationWaitsForIt() {
        ObjectNode achievement = Events.achievement(Events.newId(), 1, "锂电池极片皮秒激光模切设备",
                "皮秒激光模切锂电池正负极极片，切口毛刺小于8微米，无热影响区，模切速度每分钟120米。",
                List.of("极片", "激光模切", "毛刺"), "08.04", 7);
        String university = "org-intro-university-" + Events.newId();
        String enterpriseOrg = "org-intro-enterprise-" + Events.newId();
        achievement.put("organisationId", university);
        ObjectNode demand = Events.demand(Events.newId(), 1, "锂电池极片模切毛刺控制",
                "我们电芯厂极片模切毛刺大，存在短路风险，需要激光模切设备，把极片毛刺控制在10微米以内。",
                List.of("极片", "激光模切", "毛刺"), "08.04", 6);
        demand.put("organisationId", enterpriseOrg);
        String matchId = Api.proposedPair(achievement, demand);
        String enterprise = TestTokens.enterprise(enterpriseOrg);

        Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);
        // Not introduced yet.
        Api.answer(enterprise, matchId, Map.of("accept", true)).statusCode(409)
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo("APPROVED"));
        // A body without the answer, or with too long a note, names the field.
        Api.answer(enterprise, matchId, Map.of("note", "没有答复")).statusCode(400)
                .body("violations[0].field", equalTo("accept"));
        Api.answer(enterprise, matchId, Map.of("accept", true, "note", "长".repeat(2001))).statusCode(400)
                .body("violations[0].field", equalTo("note"));
        // Without the enterprise's answer the pair does not go to negotiation...
        Api.move(matchId, Map.of("status", "INTRODUCED")).statusCode(200);
        Api.move(matchId, Map.of("status", "NEGOTIATING")).statusCode(409)
                .body("type", endsWith("/illegal-state")).body("context.status", equalTo("INTRODUCED"));
        Api.asBroker().when().get("/api/matches/" + matchId).then().body("status", equalTo("INTRODUCED"))
                .body("disclosed", equalTo(false));
    }

    @Test
    void aBrokerRecordsAnAcceptanceGivenOfflineWithANoteAndThePairIsDisclosedAsIfTheEnterpriseHadAnswered() {
        Introduced pair = introduced("高速公路沥青路面裂缝自动识别系统",
                "基于车载线阵相机的沥青路面裂缝自动识别，识别准确率95%，检测车速每小时80公里。",
                "高速公路路面裂缝快速巡检",
                "我们管养的高速公路路面裂缝靠人工巡查，效率低，需要车载自动识别路面裂缝的技术，车速不低于60公里。",
                List.of("路面裂缝", "自动识别", "巡检"), "08.02");
        String enterprise = TestTokens.enterprise(pair.enterprise());

        // The recorded acceptance needs a note saying how and when, and fits only this move.
        Api.move(pair.matchId(), Map.of("status", "NEGOTIATING", "offlineAcceptance", true)).statusCode(400)
                .body("violations[0].field", equalTo("note"));
        Api.move(pair.matchId(), Map.of("status", "FAILED", "offlineAcceptance", true, "note", "电话")).statusCode(400)
                .body("violations[0].field", equalTo("offlineAcceptance"));
        Api.move(pair.matchId(), Map.of("status", "NEGOTIATING", "offlineAcceptance", true,
                        "note", "12月3日企业技术部王经理电话同意对接")).statusCode(200)
                .body("status", equalTo("NEGOTIATING"))
                .body("disclosed", equalTo(true))
                .body("introductionAcceptedVia", equalTo("OFFLINE"))
                .body("history[-2].to", equalTo("INTRODUCED"))
                .body("history[-2].note", equalTo("introduction accepted offline, recorded by the broker: 12月3日企业技术部王经理电话同意对接"))
                .body("history[-1].to", equalTo("NEGOTIATING"));
        // The university sees the pair disclosed, and the enterprise can no longer answer.
        Api.as(TestTokens.university(pair.university())).when().get("/api/matches/" + pair.matchId()).then()
                .statusCode(200).body("disclosed", equalTo(true)).body("introductionAcceptedVia", equalTo("OFFLINE"));
        Api.answer(enterprise, pair.matchId(), Map.of("accept", true)).statusCode(409)
                .body("context.status", equalTo("NEGOTIATING"));
    }

    private static Introduced introduced(String achievementTitle, String summary, String demandTitle, String problem,
            List<String> keywords, String field) {
        String university = "org-intro-university-" + Events.newId();
        String enterprise = "org-intro-enterprise-" + Events.newId();
        ObjectNode achievement = Events.achievement(Events.newId(), 1, achievementTitle, summary, keywords, field, 7);
        achievement.put("organisationId", university);
        ObjectNode demand = Events.demand(Events.newId(), 1, demandTitle, problem, keywords, field, 6);
        demand.put("organisationId", enterprise);
        String matchId = Api.proposedPair(achievement, demand);
        Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);
        Api.move(matchId, Map.of("status", "INTRODUCED")).statusCode(200).body("disclosed", equalTo(false));
        return new Introduced(matchId, university, enterprise);
    }

    /** The envelope, once it has read as its contract. */
    private static JsonNode json(String envelope) {
        return PublishedEvents.checked(envelope);
    }

    private static String type(String envelope) {
        return json(envelope).get("type").asText();
    }
}
