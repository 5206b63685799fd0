package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications as the users of a university or an enterprise get them: in the console, of the events
 * their organisation hears of, once per event and never another organisation's; read marks per user;
 * their choices; e-mails that really arrive at a mail server (GreenMail); and saved searches.
 */
@QuarkusTest
@RealServers
@QuarkusTestResource(MailServer.class)
class NotificationTest {

    private static final Duration SOON = Duration.ofSeconds(90);

    private static ValidatableResponse notifications(String token) {
        return Api.as(token).when().get("/api/notifications").then().statusCode(200);
    }

    private static List<String> typesOf(String token) {
        return notifications(token).extract().path("items.type");
    }

    private static long unread(String token) {
        return Api.as(token).when().get("/api/notifications/unread-count").then().statusCode(200)
                .extract().<Number>path("unread").longValue();
    }

    private static void importFinished(String organisation, int imported) {
        ObjectNode job = Events.JSON.createObjectNode().put("id", Events.newId()).put("version", 1)
                .put("listingType", "ACHIEVEMENT").put("organisationId", organisation).put("status", "DONE")
                .put("rowsImported", imported).put("rowsFailed", 1).put("createdAt", Instant.now().toString())
                .put("finishedAt", Instant.now().toString());
        Events.publish("import-events", "ImportJob", "ImportJobFinished", job);
    }

    @Test
    void anApprovedPairNotifiesBothPartiesOnceWithTitlesTheyMayReadAndNoBystander() throws Exception {
        String university = "org-note-university-" + Events.newId();
        String enterprise = "org-note-enterprise-" + Events.newId();
        String ofUniversity = TestTokens.university(university);
        String ofEnterprise = TestTokens.enterprise(enterprise);
        String ofBystander = TestTokens.university("org-note-bystander-" + Events.newId());

        ObjectNode achievement = Events.achievement(Events.newId(), 1, "风电叶片前缘侵蚀激光熔覆修复技术",
                "激光熔覆耐磨涂层修复风电叶片前缘雨蚀损伤，修复后耐雨蚀寿命提高三倍。",
                List.of("风电叶片", "前缘侵蚀", "激光熔覆"), "06.01", 6);
        achievement.put("organisationId", university);
        ObjectNode demand = Events.demand(Events.newId(), 1, "风电叶片前缘雨蚀损伤修复",
                "我公司风场的风电叶片前缘雨蚀严重，需要现场可实施的前缘侵蚀修复技术，延长叶片寿命。",
                List.of("风电叶片", "前缘侵蚀", "雨蚀修复"), "06.01", 5);
        demand.put("organisationId", enterprise).put("confidentiality", "BROKERS_ONLY");
        String matchId = Api.proposedPair(achievement, demand);
        // A proposal is the broker's to review: nobody is told of it.
        assertEquals(List.of(), typesOf(ofUniversity));
        Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);

        await().atMost(SOON).until(() -> typesOf(ofUniversity).contains("pair.approved")
                && typesOf(ofEnterprise).contains("pair.approved"));
        notifications(ofUniversity).body("items[0].data.matchId", equalTo(matchId))
                .body("items[0].data.achievementTitle", equalTo("风电叶片前缘侵蚀激光熔覆修复技术"))
                // The demand is confidential and not disclosed to the university: its title is not told.
                .body("items[0].data.demandTitle", equalTo("保密需求（可再生清洁能源）"))
                .body("items[0].read", equalTo(false));
        notifications(ofEnterprise).body("items[0].data.demandTitle", equalTo("风电叶片前缘雨蚀损伤修复"));

        // The same event read again is no second notification: send the approval once more, then the
        // introduction behind it on the same key, and count when the introduction has arrived.
        try (TopicReader matchEvents = new TopicReader(TestServers.get().kafkaBootstrapServers(), "match-events")) {
            ConsumerRecord<String, String> approved = await().atMost(SOON).until(() -> matchEvents.pollKey(matchId).stream()
                    .filter(r -> r.value().contains("\"MatchApproved\"")).findFirst().orElse(null), r -> r != null);
            Events.publishRaw("match-events", matchId, approved.value());
        }
        Api.move(matchId, Map.of("status", "INTRODUCED")).statusCode(200);
        await().atMost(SOON).until(() -> typesOf(ofEnterprise).contains("introduction.waiting"));
        assertEquals(List.of("introduction.waiting", "pair.approved"), typesOf(ofEnterprise));
        assertEquals(List.of("pair.approved"), typesOf(ofUniversity));
        assertEquals(List.of(), typesOf(ofBystander));
    }

    @Test
    void unreadCountFallsAsAUserMarksReadAndEachUserKeepsItsOwnMark() {
        String organisation = "org-note-unread-" + Events.newId();
        String first = TestTokens.university(organisation);
        String second = TestTokens.university(organisation);
        for (int i = 1; i <= 3; i++) {
            importFinished(organisation, i);
        }
        await().atMost(SOON).until(() -> unread(first) == 3);
        List<Integer> ids = notifications(first).extract().path("items.id");
        assertEquals(3, ids.size());
        // Newest first: marking up to the middle one leaves the newest unread.
        Api.post(first, "/api/notifications/read", Map.of("upTo", ids.get(1))).statusCode(200)
                .body("readUpTo", equalTo(ids.get(1)));
        assertEquals(1, unread(first));
        notifications(first).body("items.read", equalTo(List.of(false, true, true)));
        assertEquals(3, unread(second), "another user of the organisation has its own mark");
        Api.post(second, "/api/notifications/read", Map.of("all", true)).statusCode(200);
        assertEquals(0, unread(second));
        assertEquals(1, unread(first));
        // A mark never moves back.
        Api.post(second, "/api/notifications/read", Map.of("upTo", ids.get(2))).statusCode(200);
        assertEquals(0, unread(second));
        // A cursor walk, one per page, gives all three newest first.
        String cursor = Api.as(first).queryParam("size", 1).when().get("/api/notifications").then().statusCode(200)
                .body("items[0].id", equalTo(ids.get(0))).extract().path("nextCursor");
        Api.as(first).queryParam("size", 1).queryParam("cursor", cursor).when().get("/api/notifications").then()
                .statusCode(200).body("items[0].id", equalTo(ids.get(1)));
        // Types turned off for the console are neither listed nor counted.
        Api.as(second).contentType(ContentType.JSON).body(Map.of("console", List.of("pair.approved"), "email", List.of()))
                .when().put("/api/notifications/preferences").then().statusCode(200);
        assertEquals(List.of(), typesOf(second));
    }

    @Test
    void preferencesRefuseWhatIsNotATypeOfTheRoleAndABadOrMissingAddressNamingTheField() {
        String token = TestTokens.enterprise("org-note-prefs-" + Events.newId());
        Api.as(token).when().get("/api/notifications/preferences").then().statusCode(200)
                .body("types", hasItem("introduction.waiting")).body("types", not(hasItem("invitation.issued")))
                .body("console", hasItem("pair.approved")).body("email", equalTo(List.of())).body("mailEnabled", equalTo(true));
        put(token, Map.of("console", List.of("invitation.issued"), "email", List.of()))
                .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("console"));
        put(token, Map.of("console", List.of(), "email", List.of("pair.approved")))
                .statusCode(400).body("violations[0].field", equalTo("emailAddress"));
        put(token, Map.of("console", List.of(), "email", List.of("pair.approved"), "emailAddress", "not an address"))
                .statusCode(400).body("violations[0].field", equalTo("emailAddress"));
        put(token, Map.of("email", List.of())).statusCode(400).body("violations[0].field", equalTo("console"));
        put(token, Map.of("console", List.of("pair.approved"), "email", List.of("no.such-type"), "emailAddress", "a@example.cn"))
                .statusCode(400).body("violations[0].field", equalTo("email"));
        put(token, Map.of("console", List.of("pair.approved"), "email", List.of("introduction.waiting"), "emailAddress", "cto@example.cn"))
                .statusCode(200).body("email", equalTo(List.of("introduction.waiting"))).body("emailAddress", equalTo("cto@example.cn"));
        Api.post(token, "/api/notifications/read", Map.of()).statusCode(400).body("violations[0].field", equalTo("upTo"));
        Api.post(token, "/api/notifications/read", Map.of("upTo", 0)).statusCode(400).body("violations[0].field", equalTo("upTo"));
        // Brokers and admins have no notifications; anonymous callers none either.
        Api.asBroker().when().get("/api/notifications").then().statusCode(403);
        put(TestTokens.broker(), Map.of("console", List.of(), "email", List.of())).statusCode(403);
        Api.as(null).when().get("/api/notifications/unread-count").then().statusCode(401);
    }

    private static ValidatableResponse put(String token, Map<String, Object> body) {
        return Api.as(token).contentType(ContentType.JSON).body(body).when().put("/api/notifications/preferences").then();
    }

    @Test
    void anEmailArrivesAtTheMailServerForTheUserWhoChoseItAndNoneForTheOneWhoDidNot() {
        String organisation = "org-note-mail-" + Events.newId();
        String suffix = Events.newId().substring(0, 8);
        String wantsMail = "tto-" + suffix + "@example.edu.cn";
        String consoleOnly = "dean-" + suffix + "@example.edu.cn";
        put(TestTokens.university(organisation), Map.of("console", List.of("import.finished"),
                "email", List.of("import.finished"), "emailAddress", wantsMail)).statusCode(200);
        put(TestTokens.university(organisation), Map.of("console", List.of("import.finished"),
                "email", List.of(), "emailAddress", consoleOnly)).statusCode(200);
        importFinished(organisation, 41);

        await().atMost(SOON).until(() -> MailServer.mailbox(wantsMail).size() == 1);
        MailServer.Received mail = MailServer.mailbox(wantsMail).getFirst();
        assertEquals("【科技成果转化供需对接平台】批量导入已完成：成功 41 行，失败 1 行", mail.subject());
        assertEquals(List.of(wantsMail), mail.to());
        assertTrue(mail.body().contains("http://localhost:8080/#/imports"), mail.body());
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> MailServer.mailbox(consoleOnly).isEmpty());
        assertEquals(1, MailServer.mailbox(wantsMail).size(), "one e-mail per notification");
    }

    @Test
    void aSavedSearchNotifiesItsOwnerOfANewMatchingAchievementAndNotOfOneThatDoesNotMatch() {
        String enterprise = "org-note-saved-" + Events.newId();
        String owner = TestTokens.enterprise(enterprise);
        String colleague = TestTokens.enterprise(enterprise);
        String word = "qzv" + Events.newId().replace("-", "").substring(0, 6);
        // Words no other test's records use, so that this record never outranks theirs in a shared index.
        Api.as(owner).contentType(ContentType.JSON).body(Map.of("name", "新型光热储能", "query", word))
                .when().post("/api/saved-searches").then().statusCode(201).body("type", equalTo("achievement"));

        ObjectNode fits = Events.achievement(Events.newId(), 1, "熔盐塔式光热储能换热器 " + word,
                "熔盐塔式光热电站的储能换热器，换热效率百分之九十三，工艺 " + word + "。", List.of("熔盐储热", word), "06.01", 5);
        ObjectNode other = Events.achievement(Events.newId(), 1, "水稻秸秆还田腐熟菌剂",
                "复合菌剂加速秸秆腐熟，还田后三十天腐熟度达标。", List.of("秸秆还田", "腐熟菌剂"), "09.01", 6);
        Events.publishAchievement("AchievementCreated", other);
        Events.publishAchievement("AchievementCreated", fits);
        MatchingTest.awaitIndexed(other.get("id").asText());

        await().atMost(SOON).until(() -> typesOf(owner).contains("saved-search.new-matches"));
        notifications(owner).body("items[0].data.name", equalTo("新型光热储能")).body("items[0].data.count", equalTo(1))
                .body("items[0].data.records[0].id", equalTo(fits.get("id").asText()))
                .body("items[0].data.records[0].title", containsString("熔盐塔式光热储能换热器"));
        // Another check later tells nothing again, and the colleague's console shows none of it.
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> typesOf(owner).size() == 1);
        assertEquals(List.of(), typesOf(colleague));
    }

    @Test
    void aUniversitysSavedSearchNeverNamesAConfidentialDemandItMayNotRead() {
        String university = "org-note-saved-university-" + Events.newId();
        String owner = TestTokens.university(university);
        String word = "qzw" + Events.newId().replace("-", "").substring(0, 6);
        Api.as(owner).contentType(ContentType.JSON).body(Map.of("query", word, "field", "06"))
                .when().post("/api/saved-searches").then().statusCode(201).body("type", equalTo("demand"))
                .body("name", equalTo(word));

        ObjectNode hidden = Events.demand(Events.newId(), 1, "储能电池热失控预警 " + word,
                "需要储能电站电池热失控早期预警技术，关键词 " + word + "。", List.of("热失控", word), "06.03", 5);
        hidden.put("confidentiality", "BROKERS_ONLY");
        ObjectNode open = Events.demand(Events.newId(), 1, "储能电池簇均衡管理 " + word,
                "需要储能电池簇主动均衡管理技术，关键词 " + word + "。", List.of("电池均衡", word), "06.03", 5);
        Events.publishDemand("DemandCreated", hidden);
        Events.publishDemand("DemandCreated", open);

        await().atMost(SOON).until(() -> typesOf(owner).contains("saved-search.new-matches"));
        await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).until(() -> typesOf(owner).size() == 1);
        notifications(owner).body("items[0].data.records.id", equalTo(List.of(open.get("id").asText())));
    }

    @Test
    void anotherUsersSavedSearchIs404AndAUserKeepsAtMostTwenty() {
        String enterprise = "org-note-limit-" + Events.newId();
        String owner = TestTokens.enterprise(enterprise);
        String colleague = TestTokens.enterprise(enterprise);
        String id = Api.post(owner, "/api/saved-searches", Map.of("query", "石墨烯")).statusCode(201).extract().path("id");
        Api.as(colleague).when().delete("/api/saved-searches/" + id).then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(TestTokens.university(enterprise)).when().delete("/api/saved-searches/" + id).then().statusCode(404);
        Api.as(colleague).when().get("/api/saved-searches").then().statusCode(200).body("size()", equalTo(0));
        Api.as(owner).when().get("/api/saved-searches").then().statusCode(200).body("id", equalTo(List.of(id)));
        Api.post(owner, "/api/saved-searches", Map.of("type", "demand")).statusCode(400).body("violations[0].field", equalTo("type"));
        Api.post(owner, "/api/saved-searches", Map.of("field", "99.99")).statusCode(400).body("violations[0].field", equalTo("field"));
        Api.post(owner, "/api/saved-searches", Map.of("minTrl", 10)).statusCode(400).body("violations[0].field", equalTo("minTrl"));
        Api.post(TestTokens.broker(), "/api/saved-searches", Map.of("query", "石墨烯")).statusCode(403);
        for (int i = 2; i <= 20; i++) {
            Api.post(owner, "/api/saved-searches", Map.of("query", "石墨烯 " + i)).statusCode(201);
        }
        Api.post(owner, "/api/saved-searches", Map.of("query", "第二十一个")).statusCode(409);
        Api.as(owner).when().delete("/api/saved-searches/" + id).then().statusCode(204);
        Api.as(owner).when().delete("/api/saved-searches/" + id).then().statusCode(404);
    }
}
