package io.techbridge.matching;

import io.techbridge.events.testing.PublishedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Open challenges invite the organisations whose achievements match them best, keep why, announce
 * each invitation once on invitation-events and show them to the right callers. The achievements
 * (saline-alkali rice) are shared by the tests of this class and published once; each test posts
 * its own demands.
 */
@QuarkusTest
@RealServers
class InvitationTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String ORG_A = "org-inv-a-" + Events.newId();
    private static final String ORG_B = "org-inv-b-" + Events.newId();
    private static final String ORG_C = "org-inv-c-" + Events.newId();
    private static final String ENTERPRISE = "org-inv-enterprise-" + Events.newId();
    private static String bestOfA;
    private static String weakerOfA;
    private static String ofB;

    /** Two achievements of university A (one close to the challenges, one less), one of B, one unrelated of C. */
    private static synchronized void achievements() {
        if (bestOfA != null) {
            return;
        }
        String a1 = publish(ORG_A, "东海农业大学", "耐盐碱水稻新品种及配套栽培技术",
                "选育的耐盐碱水稻品种可在含盐量0.6%的滨海盐碱地种植，亩产500公斤以上，配套排盐灌溉和土壤改良栽培技术。",
                List.of("耐盐碱水稻", "盐碱地", "水稻育种"));
        String a2 = publish(ORG_A, "东海农业大学", "设施蔬菜土壤连作障碍修复菌剂",
                "复合微生物菌剂缓解设施大棚蔬菜连作障碍，土壤板结和次生盐渍化减轻，黄瓜增产15%。",
                List.of("连作障碍", "微生物菌剂", "设施蔬菜"));
        String b1 = publish(ORG_B, "滨海农业科学研究院", "盐碱地水稻种植排盐灌溉与改良技术",
                "滨海盐碱地种植水稻的暗管排盐、淡水洗盐灌溉和改良剂配套技术，三年土壤含盐量下降到0.3%以下，水稻稳产。",
                List.of("盐碱地改良", "排盐灌溉", "水稻"));
        String c1 = publish(ORG_C, "西部光电研究所", "高精度光纤陀螺仪",
                "三轴光纤陀螺仪零偏稳定性0.01度每小时，用于惯性导航和姿态测量，体积小、抗冲击。",
                List.of("光纤陀螺", "惯性导航", "姿态测量"));
        for (String id : List.of(a1, a2, b1, c1)) {
            MatchingTest.awaitIndexed(id);
        }
        weakerOfA = a2;
        ofB = b1;
        bestOfA = a1;
    }

    @Test
    void aChallengeInvitesTheOrganisationsWithTheBestMatchingAchievementsAndKeepsWhy() {
        achievements();
        String demandId = challenge(LocalDate.now(CHINA).plusDays(30), "PUBLIC", 1);

        JsonPath invitations = awaitInvited(demandId, ORG_A, ORG_B);
        List<String> organisations = invitations.getList("organisationId");
        assertFalse(organisations.contains(ORG_C), "the unrelated organisation is not invited: " + organisations);
        assertEquals(organisations.size(), organisations.stream().distinct().count(), "one invitation per organisation");

        // University A is invited for its achievement that matches best, as the live ranking has it.
        List<Map<String, Object>> ranking = Api.asBroker().queryParam("limit", 50).when()
                .get("/api/demands/" + demandId + "/matches").then().statusCode(200).extract().jsonPath().getList("$");
        String bestRankedOfA = ranking.stream().map(m -> (String) m.get("achievementId"))
                .filter(id -> id.equals(bestOfA) || id.equals(weakerOfA)).findFirst().orElseThrow();
        Map<String, Object> a = invitation(invitations, ORG_A);
        assertEquals(bestRankedOfA, a.get("achievementId"));
        assertEquals(bestOfA, a.get("achievementId"));
        assertEquals("耐盐碱水稻新品种及配套栽培技术", a.get("achievementTitle"));
        assertEquals("东海农业大学", a.get("organisationName"));
        assertEquals(demandId, a.get("demandId"));
        double score = ((Number) a.get("score")).doubleValue();
        assertTrue(score >= 0.45 && score <= 1, "score at or above the minimum: " + score);
        assertFalse(((List<?>) a.get("matchedTerms")).isEmpty(), "the demand's terms found in the achievement");
        assertTrue(a.get("invitedAt") != null);
        assertEquals(ofB, invitation(invitations, ORG_B).get("achievementId"));
        List<Double> scores = invitations.getList("score", Double.class);
        assertEquals(scores.stream().sorted(java.util.Comparator.reverseOrder()).toList(), scores, "best first");

        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "invitation-events")) {
            String key = demandId + "/" + ORG_A;
            await().atMost(Api.PATIENCE).until(() -> !reader.pollKey(key).isEmpty());
            List<ConsumerRecord<String, String>> records = reader.pollKey(key);
            assertEquals(1, records.size());
            JsonNode event = json(records.get(0).value());
            assertEquals("ChallengeInvitationIssued", event.get("type").asText());
            assertEquals("ChallengeInvitation", event.get("aggregateType").asText());
            assertEquals(key, event.get("aggregateId").asText());
            assertEquals(1, event.get("aggregateVersion").asLong());
            JsonNode payload = event.get("payload");
            assertEquals(bestOfA, payload.get("achievementId").asText());
            assertEquals(ORG_A, payload.get("organisationId").asText());
            assertEquals(ENTERPRISE, payload.get("demandOrganisationId").asText());
            assertEquals(LocalDate.now(CHINA).plusDays(30).toString(), payload.get("applicationDeadline").asText());
            assertEquals(2_000_000, payload.get("bountyCny").asLong());
            assertTrue(reader.pollKey(demandId + "/" + ORG_C).isEmpty());
        }
    }

    @Test
    void aNewcomerWhoseAchievementFitsAnOpenChallengeIsInvitedAndNothingIsRepeated() throws Exception {
        achievements();
        String demandId = challenge(LocalDate.now(CHINA).plusDays(20), "PUBLIC", 1);
        Map<String, Object> firstOfA = invitation(awaitInvited(demandId, ORG_A, ORG_B), ORG_A);

        // Its achievement is proposed for the challenge, so the challenge is matched again without an edit.
        String orgD = "org-inv-d-" + Events.newId();
        JsonPath after;
        // The newcomer's system subscribed to its invitations beforehand.
        try (WebhookReceiver newcomerSystem = new WebhookReceiver()) {
            Api.post(TestTokens.university(orgD), "/api/webhooks", Map.of("url", newcomerSystem.url(),
                    "events", List.of("invitation.issued"))).statusCode(201);
            String achievementOfD = publish(orgD, "沿海盐土农业研究中心", "耐盐碱水稻高产栽培与盐碱地改良",
                    "耐盐碱水稻在含盐量0.5%盐碱地的高产栽培模式，配合排盐灌溉与有机改良，亩产450公斤。",
                    List.of("耐盐碱水稻", "盐碱地改良", "排盐灌溉"));

            after = awaitInvited(demandId, ORG_A, ORG_B, orgD);
            // Other open challenges of this class may invite the newcomer too: each is its own event.
            JsonNode told = await().atMost(Api.PATIENCE).until(() -> newcomerSystem.of("invitation.issued").stream()
                    .map(WebhookReceiver.Received::json).filter(b -> demandId.equals(b.at("/data/demandId").asText()))
                    .findFirst().orElse(null), java.util.Objects::nonNull);
            assertEquals(orgD, told.get("organisationId").asText());
            assertEquals(achievementOfD, told.at("/data/achievementId").asText());
        }
        List<String> organisations = after.getList("organisationId");
        assertEquals(organisations.size(), organisations.stream().distinct().count(), "one invitation per organisation");
        assertEquals(firstOfA, invitation(after, ORG_A), "the earlier invitation stays as it was");
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "invitation-events")) {
            await().atMost(Api.PATIENCE).until(() -> !reader.pollKey(demandId + "/" + orgD).isEmpty());
            assertEquals(1, reader.pollKey(demandId + "/" + ORG_A).size(), "announced once");
            assertEquals(1, reader.pollKey(demandId + "/" + orgD).size());
        }
    }

    @Test
    void aDemandThatBecomesAChallengeInvitesWhenItIsMatchedAgain() {
        achievements();
        String demandId = Events.newId();
        ObjectNode plain = challengeDemand(demandId, 1, LocalDate.now(CHINA).plusDays(30), "PUBLIC");
        plain.putNull("challenge");
        Events.publishDemand("DemandCreated", plain);
        Api.awaitPair(demandId, bestOfA);
        Api.asBroker().when().get("/api/demands/" + demandId + "/invitations").then().statusCode(200)
                .body("$", hasSize(0));

        Events.publishDemand("DemandUpdated", challengeDemand(demandId, 2, LocalDate.now(CHINA).plusDays(30), "PUBLIC"));
        awaitInvited(demandId, ORG_A, ORG_B);
    }

    @Test
    void anAchievementWhosePairABrokerRejectedIsNoReasonToInvite() {
        achievements();
        String demandId = Events.newId();
        ObjectNode plain = challengeDemand(demandId, 1, LocalDate.now(CHINA).plusDays(30), "PUBLIC");
        plain.putNull("challenge");
        Events.publishDemand("DemandCreated", plain);
        String rejected = Api.awaitPair(demandId, ofB);
        Api.decide(rejected, Map.of("decision", "REJECT", "reasonCode", "REGION")).statusCode(200);

        Events.publishDemand("DemandUpdated", challengeDemand(demandId, 2, LocalDate.now(CHINA).plusDays(30), "PUBLIC"));
        List<String> organisations = awaitInvited(demandId, ORG_A).getList("organisationId");
        assertFalse(organisations.contains(ORG_B), "B's only fitting achievement was rejected: " + organisations);
    }

    @Test
    void invitationsAreShownToTheOwnerBrokersAndAdminsAndToAUniversityOnlyItsOwn() {
        achievements();
        LocalDate deadline = LocalDate.now(CHINA).plusDays(25);
        String demandId = challenge(deadline, "PUBLIC", 1);
        awaitInvited(demandId, ORG_A, ORG_B);
        String path = "/api/demands/" + demandId + "/invitations";

        for (String token : List.of(TestTokens.enterprise(ENTERPRISE), TestTokens.broker(), TestTokens.admin())) {
            List<String> all = Api.as(token).when().get(path).then().statusCode(200).extract().jsonPath()
                    .getList("organisationId");
            assertTrue(all.containsAll(List.of(ORG_A, ORG_B)), "all invitations: " + all);
        }
        Api.as(TestTokens.university(ORG_A)).when().get(path).then().statusCode(200)
                .body("organisationId", equalTo(List.of(ORG_A)))
                .body("[0].matchedTerms", not(empty()));
        Api.as(TestTokens.university(ORG_C)).when().get(path).then().statusCode(200).body("$", hasSize(0));
        Api.as(TestTokens.enterprise("org-inv-other-enterprise")).when().get(path).then().statusCode(403)
                .contentType("application/problem+json");
        Api.as(null).when().get(path).then().statusCode(401).contentType("application/problem+json");
        Api.asBroker().when().get("/api/demands/" + Events.newId() + "/invitations").then().statusCode(404)
                .contentType("application/problem+json");

        // A university's own list: the challenge's terms and why it was invited.
        List<Map<String, Object>> mine = Api.as(TestTokens.university(ORG_A)).when().get("/api/invitations/mine").then()
                .statusCode(200).extract().jsonPath().getList("$");
        Map<String, Object> own = mine.stream().filter(i -> demandId.equals(i.get("demandId"))).findFirst().orElseThrow();
        assertEquals("盐碱地种植耐盐碱水稻", own.get("demandTitle"));
        assertEquals(deadline.toString(), own.get("applicationDeadline"));
        assertEquals(2_000_000, ((Number) own.get("bountyCny")).longValue());
        assertEquals(bestOfA, own.get("achievementId"));
        assertEquals(false, own.get("confidential"));
        assertFalse(((List<?>) own.get("matchedTerms")).isEmpty());
        Api.as(TestTokens.university(ORG_C)).when().get("/api/invitations/mine").then().statusCode(200)
                .body("demandId", not(org.hamcrest.Matchers.hasItem(demandId)));
        Api.as(TestTokens.enterprise(ENTERPRISE)).when().get("/api/invitations/mine").then().statusCode(403)
                .contentType("application/problem+json");
        Api.asBroker().when().get("/api/invitations/mine").then().statusCode(403);
        Api.as(null).when().get("/api/invitations/mine").then().statusCode(401);
    }

    @Test
    void aConfidentialChallengeIsShownToAnInvitedUniversityAnonymised() {
        achievements();
        String demandId = challenge(LocalDate.now(CHINA).plusDays(15), "BROKERS_ONLY", 1);
        awaitInvited(demandId, ORG_A);

        Map<String, Object> own = Api.as(TestTokens.university(ORG_A)).when().get("/api/invitations/mine").then()
                .statusCode(200).extract().jsonPath().<Map<String, Object>>getList("$").stream()
                .filter(i -> demandId.equals(i.get("demandId"))).findFirst().orElseThrow();
        assertEquals("保密需求（种植与育种）", own.get("demandTitle"));
        assertEquals(true, own.get("confidential"));
        assertEquals(List.of(), own.get("matchedTerms"), "no terms quoting the hidden text");
        assertEquals(bestOfA, own.get("achievementId"));
        Api.as(TestTokens.university(ORG_A)).when().get("/api/demands/" + demandId + "/invitations").then()
                .statusCode(200).body("organisationId", equalTo(List.of(ORG_A))).body("[0].matchedTerms", empty());
        // The owner and brokers see why in full.
        Api.asBroker().when().get("/api/demands/" + demandId + "/invitations").then().statusCode(200)
                .body("find { it.organisationId == '" + ORG_A + "' }.matchedTerms", not(empty()));
    }

    @Test
    void aDemandThatIsNoChallengeOrIsPastItsApplicationDeadlineInvitesNobody() {
        achievements();
        String plain = Events.newId();
        ObjectNode demand = challengeDemand(plain, 1, LocalDate.now(CHINA).plusDays(30), "PUBLIC");
        demand.putNull("challenge");
        Events.publishDemand("DemandCreated", demand);
        String late = Events.newId();
        Events.publishDemand("DemandCreated", challengeDemand(late, 1, LocalDate.now(CHINA).minusDays(1), "PUBLIC"));

        // Invitations are decided in the transaction that proposes the demand's pairs.
        for (String demandId : List.of(plain, late)) {
            Api.awaitPair(demandId, bestOfA);
            Api.asBroker().when().get("/api/demands/" + demandId + "/invitations").then().statusCode(200)
                    .body("$", hasSize(0));
        }
    }

    // ----------------------------------------------------------------- helpers

    private static String publish(String organisation, String institution, String title, String summary,
            List<String> keywords) {
        ObjectNode achievement = Events.achievement(Events.newId(), 1, title, summary, keywords, "09.01", 6);
        achievement.put("organisationId", organisation).put("institution", institution);
        Events.publishAchievement("AchievementCreated", achievement);
        return achievement.get("id").asText();
    }

    private static String challenge(LocalDate deadline, String confidentiality, long version) {
        String id = Events.newId();
        Events.publishDemand("DemandCreated", challengeDemand(id, version, deadline, confidentiality));
        return id;
    }

    private static ObjectNode challengeDemand(String id, long version, LocalDate deadline, String confidentiality) {
        ObjectNode demand = Events.demand(id, version, "盐碱地种植耐盐碱水稻",
                "我们在滨海盐碱地有两万亩土地，需要能在含盐量0.5%以上土壤稳定生长的耐盐碱水稻品种，以及配套的排盐灌溉和盐碱地改良技术，亩产400公斤以上。",
                List.of("耐盐碱水稻", "盐碱地改良", "排盐灌溉"), "09.01", 5);
        demand.put("organisationId", ENTERPRISE).put("confidentiality", confidentiality);
        ObjectNode challenge = demand.putObject("challenge");
        challenge.put("goal", "三年内在含盐量0.5%的盐碱地实现水稻亩产400公斤")
                .put("indicators", "亩产、耐盐阈值、改良成本").put("bountyCny", 2_000_000)
                .put("applicationDeadline", deadline.toString())
                .put("judgingDeadline", deadline.plusDays(30).toString())
                .put("phase", "APPLYING").put("applicationCount", 0);
        return demand;
    }

    /** The demand's invitations as a broker sees them, once the given organisations are among them. */
    private static JsonPath awaitInvited(String demandId, String... organisations) {
        // Until the demand is indexed it is unknown here (404).
        return await().atMost(Api.PATIENCE).ignoreExceptions().until(
                () -> Api.asBroker().when().get("/api/demands/" + demandId + "/invitations").then().statusCode(200)
                        .extract().jsonPath(),
                json -> json.getList("organisationId").containsAll(List.of(organisations)));
    }

    private static Map<String, Object> invitation(JsonPath invitations, String organisation) {
        return invitations.<Map<String, Object>>getList("$").stream()
                .filter(i -> organisation.equals(i.get("organisationId"))).findFirst().orElseThrow();
    }

    /** The envelope, once it has read as its contract. */
    private static JsonNode json(String value) {
        return PublishedEvents.checked(value);
    }
}
