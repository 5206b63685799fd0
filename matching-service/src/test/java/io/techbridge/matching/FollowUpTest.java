package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A broker's follow-up of a pair: taking it on, notes with the next step's date, the "due" and "mine" lists. */
@QuarkusTest
@RealServers
class FollowUpTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private record Pair(String matchId, String university, String enterprise, String demandTitle) {
    }

    @Test
    void aBrokerTakesAPairOnAndFindsItUnderMineWhileOthersFindItNoLongerUnassigned() {
        Pair pair = approvedPair("水泥窑协同处置生活垃圾焚烧飞灰技术", "水泥窑协同处置飞灰",
                List.of("飞灰", "水泥窑", "协同处置"));
        String me = TestTokens.broker();
        String colleague = TestTokens.broker();

        Api.post(me, "/api/matches/" + pair.matchId() + "/claim", Map.of()).statusCode(200)
                .body("assignee.userId", notNullValue())
                .body("assignee.name", equalTo("broker of " + TestTokens.BROKER_ORGANISATION))
                .body("assignee.since", notNullValue());
        assertTrue(ids(me, Map.of("assignee", "me", "status", "APPROVED")).contains(pair.matchId()));
        assertTrue(!ids(colleague, Map.of("assignee", "me", "status", "APPROVED")).contains(pair.matchId()));
        assertTrue(!ids(me, Map.of("assignee", "unassigned", "status", "APPROVED")).contains(pair.matchId()));

        // A colleague does not take it over unknowingly; asked to, it does.
        Api.post(colleague, "/api/matches/" + pair.matchId() + "/claim", Map.of()).statusCode(409)
                .contentType("application/problem+json").body("type", endsWith("/assigned-to-another"));
        Api.post(colleague, "/api/matches/" + pair.matchId() + "/release", Map.of()).statusCode(403);
        Api.post(colleague, "/api/matches/" + pair.matchId() + "/claim", Map.of("takeOver", true)).statusCode(200);
        assertTrue(ids(colleague, Map.of("assignee", "me", "status", "APPROVED")).contains(pair.matchId()));
        assertTrue(!ids(me, Map.of("assignee", "me", "status", "APPROVED")).contains(pair.matchId()));

        // An admin gives it back; the parties never see who follows their pair up.
        Api.post(TestTokens.admin(), "/api/matches/" + pair.matchId() + "/release", Map.of()).statusCode(200)
                .body("assignee", nullValue());
        assertTrue(ids(me, Map.of("assignee", "unassigned", "status", "APPROVED")).contains(pair.matchId()));
        Api.post(me, "/api/matches/" + pair.matchId() + "/claim", Map.of()).statusCode(200);
        Api.as(TestTokens.enterprise(pair.enterprise())).when().get("/api/matches/" + pair.matchId()).then()
                .statusCode(200).body("assignee", nullValue()).body("nextStepOn", nullValue());
        // Neither may they take pairs on or filter by it.
        Api.post(TestTokens.enterprise(pair.enterprise()), "/api/matches/" + pair.matchId() + "/claim", Map.of())
                .statusCode(403);
        Api.as(TestTokens.university(pair.university())).queryParam("assignee", "me").when().get("/api/matches").then()
                .statusCode(403);
    }

    @Test
    void aNoteWithADateMakesThePairDueOnThatDayUntilItsStepIsDone() {
        Pair pair = approvedPair("光伏组件背板回收热解分离技术", "报废光伏组件回收处理",
                List.of("光伏组件", "回收", "热解"));
        String me = TestTokens.broker();
        LocalDate today = LocalDate.now(CHINA);
        Api.post(me, "/api/matches/" + pair.matchId() + "/claim", Map.of()).statusCode(200);

        Api.post(me, "/api/matches/" + pair.matchId() + "/notes",
                Map.of("text", "约企业技术总监下周面谈", "nextStepOn", today.plusDays(7).toString())).statusCode(200)
                .body("open", equalTo(true)).body("nextStepOn", equalTo(today.plusDays(7).toString()));
        assertTrue(!ids(me, Map.of("assignee", "me", "dueBy", "today")).contains(pair.matchId()), "not due yet");
        long todays = Api.post(me, "/api/matches/" + pair.matchId() + "/notes",
                Map.of("text", "今天电话提醒高校准备技术资料", "nextStepOn", today.toString())).statusCode(200)
                .extract().jsonPath().getLong("id");
        Api.asBroker().when().get("/api/matches/" + pair.matchId()).then().body("nextStepOn", equalTo(today.toString()));
        assertTrue(ids(me, Map.of("assignee", "me", "dueBy", "today")).contains(pair.matchId()));
        assertTrue(ids(me, Map.of("assignee", "me", "dueBy", today.toString(), "sort", "due")).contains(pair.matchId()));

        Api.asBroker().when().get("/api/matches/" + pair.matchId() + "/notes").then().statusCode(200)
                .body("text", equalTo(List.of("今天电话提醒高校准备技术资料", "约企业技术总监下周面谈")))
                .body("authorName", hasItem("broker of " + TestTokens.BROKER_ORGANISATION));

        // Done today: the pair's next step is the one in a week, so it is no longer due today.
        Api.post(me, "/api/matches/" + pair.matchId() + "/notes/" + todays + "/done", Map.of()).statusCode(200)
                .body("open", equalTo(false)).body("doneAt", notNullValue());
        Api.asBroker().when().get("/api/matches/" + pair.matchId()).then()
                .body("nextStepOn", equalTo(today.plusDays(7).toString()));
        assertTrue(!ids(me, Map.of("assignee", "me", "dueBy", "today")).contains(pair.matchId()));

        // The parties see neither the notes nor the dates.
        Api.as(TestTokens.university(pair.university())).when().get("/api/matches/" + pair.matchId() + "/notes").then()
                .statusCode(403);
    }

    @Test
    void aNoteOrAListingFilledWronglyIsRefusedNamingTheField() {
        Pair pair = approvedPair("城市污水处理厂污泥低温干化技术", "市政污泥减量干化",
                List.of("污泥", "干化", "减量"));
        String me = TestTokens.broker();
        String notes = "/api/matches/" + pair.matchId() + "/notes";
        Api.post(me, notes, Map.of("text", " ")).statusCode(400).body("violations[0].field", equalTo("text"));
        Api.post(me, notes, Map.of("text", "过去的日期", "nextStepOn", LocalDate.now(CHINA).minusDays(1).toString()))
                .statusCode(400).body("violations[0].field", equalTo("nextStepOn"));
        Api.post(me, notes, Map.of("text", "日期写错", "nextStepOn", "2026-13-45")).statusCode(400)
                .body("violations[0].field", equalTo("nextStepOn"));
        Api.post(me, notes, Map.of("text", "长".repeat(2001))).statusCode(400).body("violations[0].field", equalTo("text"));
        Api.asBroker().queryParam("dueBy", "tomorrow").when().get("/api/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("dueBy"));
        Api.asBroker().queryParam("sort", "title").when().get("/api/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("sort"));
        Api.post(me, "/api/matches/" + pair.matchId() + "/notes/999999999/done", Map.of()).statusCode(404);
        Api.asBroker().when().get("/api/matches/" + pair.matchId() + "/notes").then().body("size()", equalTo(0));
    }

    @Test
    void theQueueFindsPairsByTextInTheirTitlesOrOrganisationNamesAndOrdersThemAsAsked() {
        String marker = "鲟" + Events.newId().substring(0, 6);
        Pair pair = approvedPair("循环水养殖鲟鱼工厂化育苗技术" + marker, "鲟鱼工厂化养殖育苗",
                List.of("鲟鱼", "循环水养殖", "育苗"), marker + "水产养殖有限公司");
        // By the achievement's title, by the demand's enterprise, in any case and with spaces around.
        assertEquals(List.of(pair.matchId()), ids(TestTokens.broker(), Map.of("q", marker)));
        assertEquals(List.of(pair.matchId()), ids(TestTokens.broker(), Map.of("q", " " + marker + "水产养殖 ")));
        assertTrue(ids(TestTokens.broker(), Map.of("q", "没有这样的标题" + marker)).isEmpty());
        // A % or _ is text, not a pattern.
        assertTrue(ids(TestTokens.broker(), Map.of("q", marker.charAt(0) + "%" + marker.substring(2))).isEmpty());

        // Newest first pages on by cursor without repeating or skipping a pair.
        var first = Api.asBroker().queryParam("sort", "newest").queryParam("size", 2).when().get("/api/matches").then()
                .statusCode(200).extract().jsonPath();
        String cursor = first.getString("nextCursor");
        if (cursor != null) {
            List<String> next = Api.asBroker().queryParam("sort", "newest").queryParam("size", 2)
                    .queryParam("cursor", cursor).when().get("/api/matches").then().statusCode(200).extract()
                    .jsonPath().getList("items.id");
            assertTrue(next.stream().noneMatch(first.getList("items.id")::contains));
            // A cursor of one order is not read as one of another.
            Api.asBroker().queryParam("cursor", cursor).when().get("/api/matches").then().statusCode(400)
                    .body("violations[0].field", equalTo("cursor"));
        }
        Api.asBroker().queryParam("q", "x".repeat(101)).when().get("/api/matches").then().statusCode(400)
                .body("violations[0].field", equalTo("q")).contentType(ContentType.fromContentType("application/problem+json"));
    }

    private static List<String> ids(String token, Map<String, Object> query) {
        return Api.as(token).queryParams(query).queryParam("size", 100).when().get("/api/matches").then().statusCode(200)
                .body("items", not(nullValue())).extract().jsonPath().getList("items.id");
    }

    private static Pair approvedPair(String achievementTitle, String demandTitle, List<String> keywords) {
        return approvedPair(achievementTitle, demandTitle, keywords, null);
    }

    private static Pair approvedPair(String achievementTitle, String demandTitle, List<String> keywords,
            String enterpriseName) {
        String university = "org-followup-university-" + Events.newId();
        String enterprise = "org-followup-enterprise-" + Events.newId();
        ObjectNode achievement = Events.achievement(Events.newId(), 1, achievementTitle,
                achievementTitle + "，" + String.join("、", keywords) + "关键技术成熟，已在三家企业中试。", keywords, "07.03", 7);
        achievement.put("organisationId", university);
        ObjectNode demand = Events.demand(Events.newId(), 1, demandTitle,
                "我们需要" + String.join("、", keywords) + "方面的成熟技术，解决" + demandTitle + "的难题，希望尽快合作。",
                keywords, "07.03", 6);
        demand.put("organisationId", enterprise);
        if (enterpriseName != null) {
            demand.put("enterprise", enterpriseName);
        }
        String matchId = Api.proposedPair(achievement, demand);
        Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);
        return new Pair(matchId, university, enterprise, demandTitle);
    }
}
