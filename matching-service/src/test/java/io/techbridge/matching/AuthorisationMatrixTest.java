package io.techbridge.matching;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every endpoint × every kind of caller: the status each gets, and that a refused write changed
 * nothing (the pair's status, version and history are as before). One achievement of a
 * university and six demands of an enterprise give the pairs in the states the cases need; an
 * allowed write gets a pair of its own, so the cases don't depend on each other's order.
 */
@QuarkusTest
@RealServers
class AuthorisationMatrixTest {

    enum Who {
        ANONYMOUS, UNIVERSITY_OWNING, UNIVERSITY_OTHER, ENTERPRISE_OWNING, ENTERPRISE_OTHER, BROKER, ADMIN;

        String token(Fixture f) {
            return switch (this) {
                case ANONYMOUS -> null;
                case UNIVERSITY_OWNING -> TestTokens.university(f.university());
                case UNIVERSITY_OTHER -> TestTokens.university("org-matrix-other-university");
                case ENTERPRISE_OWNING -> TestTokens.enterprise(f.enterprise());
                case ENTERPRISE_OTHER -> TestTokens.enterprise("org-matrix-other-enterprise");
                case BROKER -> TestTokens.broker();
                case ADMIN -> TestTokens.admin();
            };
        }
    }

    /** The records and pairs the cases work on. */
    record Fixture(String university, String enterprise, String achievementId, String demandId, String proposed,
            String approved, String introduced, String toDecide, String toMove, String toAnswer) {
    }

    /** A request: method, path, JSON body (or null), and the pair a refused write must leave unchanged (or null). */
    record Call(String method, String path, Map<String, Object> body, String untouchedPair) {
        static Call get(String path) {
            return new Call("GET", path, null, null);
        }
    }

    /** One endpoint: the request each caller makes, the status each gets, and what else to check on success. */
    record Endpoint(String name, BiFunction<Fixture, Who, Call> call, Map<Who, Integer> expected,
            BiConsumer<Fixture, Who> afterwards) {
    }

    private static Fixture fixture;

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint endpoint : endpoints()) {
            for (Who who : Who.values()) {
                cases.add(Arguments.of(endpoint.name(), who, endpoint));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cases")
    void eachCallerGetsExactlyWhatItMay(String name, Who who, Endpoint endpoint) {
        Fixture f = fixture();
        Call call = endpoint.call().apply(f, who);
        int expected = endpoint.expected().get(who);
        PairState before = call.untouchedPair() == null ? null : PairState.of(call.untouchedPair());

        ValidatableResponse response = send(who.token(f), call).statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json");
        }
        if (expected == 401 || expected == 403) {
            // Nothing about the body: a refused caller is told no rule of it.
            response.body("violations", org.hamcrest.Matchers.nullValue());
        }
        if (before != null && expected >= 400) {
            assertEquals(before, PairState.of(call.untouchedPair()), "a refused write changes nothing");
        }
        if (expected < 400 && endpoint.afterwards() != null) {
            endpoint.afterwards().accept(f, who);
        }
    }

    private static List<Endpoint> endpoints() {
        Map<Who, Integer> everyone = statuses(200, 200, 200, 200, 200, 200, 200);
        Map<Who, Integer> loggedIn = statuses(401, 200, 200, 200, 200, 200, 200);
        Map<Who, Integer> brokerOnly = statuses(401, 403, 403, 403, 403, 200, 403);
        Map<Who, Integer> adminOnly = statuses(401, 403, 403, 403, 403, 403, 200);
        return List.of(
                new Endpoint("GET /api/search", (f, who) -> Call.get("/api/search?q=接触网"), everyone, null),
                new Endpoint("GET /api/demands/{id}/matches",
                        (f, who) -> Call.get("/api/demands/" + f.demandId() + "/matches"),
                        statuses(401, 403, 403, 200, 403, 200, 200), null),
                new Endpoint("GET /api/achievements/{id}/matches",
                        (f, who) -> Call.get("/api/achievements/" + f.achievementId() + "/matches"),
                        statuses(401, 200, 403, 403, 403, 200, 200), null),
                new Endpoint("GET /api/matches",
                        (f, who) -> Call.get("/api/matches?size=100&achievementId=" + f.achievementId()),
                        loggedIn, AuthorisationMatrixTest::listsOnlyWhatTheCallerMaySee),
                new Endpoint("GET /api/matches/{id} (APPROVED)",
                        (f, who) -> Call.get("/api/matches/" + f.approved()),
                        statuses(401, 200, 404, 200, 404, 200, 200), null),
                new Endpoint("GET /api/matches/{id} (PROPOSED)",
                        (f, who) -> Call.get("/api/matches/" + f.proposed()),
                        statuses(401, 404, 404, 404, 404, 200, 200), null),
                new Endpoint("POST /api/matches/{id}/decision",
                        (f, who) -> new Call("POST", "/api/matches/" + (who == Who.BROKER ? f.toDecide() : f.proposed())
                                + "/decision", Map.of("decision", "APPROVE"), f.proposed()),
                        brokerOnly, (f, who) -> Api.asBroker().when().get("/api/matches/" + f.toDecide()).then()
                                .body("status", equalTo("APPROVED"))
                                .body("history[-1].actor", equalTo(Api.loginName(TestTokens.broker())))),
                new Endpoint("POST /api/matches/{id}/transition",
                        (f, who) -> new Call("POST", "/api/matches/" + (who == Who.BROKER ? f.toMove() : f.approved())
                                + "/transition", Map.of("status", "INTRODUCED"), f.approved()),
                        brokerOnly, (f, who) -> Api.asBroker().when().get("/api/matches/" + f.toMove()).then()
                                .body("status", equalTo("INTRODUCED"))),
                new Endpoint("POST /api/matches/{id}/introduction",
                        (f, who) -> new Call("POST", "/api/matches/"
                                + (who == Who.ENTERPRISE_OWNING ? f.toAnswer() : f.introduced()) + "/introduction",
                                Map.of("accept", true), f.introduced()),
                        statuses(401, 403, 403, 200, 404, 403, 403),
                        (f, who) -> Api.asBroker().when().get("/api/matches/" + f.toAnswer()).then()
                                .body("disclosed", equalTo(true))),
                // A role that may not make the change at all is refused before the body is read: only the
                // role that may is told what is wrong with it (400).
                new Endpoint("POST /api/matches/{id}/decision with an empty body",
                        (f, who) -> new Call("POST", "/api/matches/" + f.proposed() + "/decision", Map.of(), f.proposed()),
                        statuses(401, 403, 403, 403, 403, 400, 403), null),
                new Endpoint("POST /api/matches/{id}/transition with an empty body",
                        (f, who) -> new Call("POST", "/api/matches/" + f.approved() + "/transition", Map.of(), f.approved()),
                        statuses(401, 403, 403, 403, 403, 400, 403), null),
                new Endpoint("POST /api/matches/{id}/introduction with an empty body",
                        (f, who) -> new Call("POST", "/api/matches/" + f.introduced() + "/introduction", Map.of(),
                                f.introduced()),
                        statuses(401, 403, 403, 400, 400, 403, 403), null),
                new Endpoint("GET /api/stats", (f, who) -> Call.get("/api/stats"), loggedIn, null),
                new Endpoint("GET /api/stats/learning", (f, who) -> Call.get("/api/stats/learning"), loggedIn, null),
                new Endpoint("GET /api/admin/reindex", (f, who) -> Call.get("/api/admin/reindex"), adminOnly, null),
                new Endpoint("GET /api/admin/dead-letters", (f, who) -> Call.get("/api/admin/dead-letters"), adminOnly, null),
                new Endpoint("GET /api/admin/dead-letters/{topic}",
                        (f, who) -> Call.get("/api/admin/dead-letters/invitation-events.dlq"), adminOnly, null),
                new Endpoint("GET /api/admin/dead-letters/{topic}/{partition}/{offset} (none there)",
                        (f, who) -> Call.get("/api/admin/dead-letters/invitation-events.dlq/0/0"),
                        statuses(401, 403, 403, 403, 403, 403, 404), null),
                new Endpoint("POST /api/admin/dead-letters/{topic}/{partition}/{offset}/replay (none there)",
                        (f, who) -> new Call("POST", "/api/admin/dead-letters/invitation-events.dlq/0/0/replay", null, null),
                        statuses(401, 403, 403, 403, 403, 403, 404), null),
                // Nothing is set aside on invitation-events in the tests: replaying all of it replays nothing.
                new Endpoint("POST /api/admin/dead-letters/{topic}/replay",
                        (f, who) -> new Call("POST", "/api/admin/dead-letters/invitation-events.dlq/replay", null, null),
                        adminOnly, null),
                new Endpoint("POST /api/admin/reindex",
                        (f, who) -> new Call("POST", "/api/admin/reindex", null, null),
                        statuses(401, 403, 403, 403, 403, 403, 202),
                        // Let the rebuild finish, so it holds up no other test.
                        (f, who) -> await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> Api.asAdmin().when()
                                .get("/api/admin/reindex").then().statusCode(200).body("state", equalTo("DONE")))));
    }

    /** Brokers and admins list every pair; a party organisation its pairs from APPROVED on; others none. */
    private static void listsOnlyWhatTheCallerMaySee(Fixture f, Who who) {
        ValidatableResponse list = Api.as(who.token(f)).queryParam("achievementId", f.achievementId())
                .queryParam("size", 100).when().get("/api/matches").then().statusCode(200);
        switch (who) {
            case BROKER, ADMIN -> list.body("items.id", hasItems(f.proposed(), f.approved(), f.introduced()));
            case UNIVERSITY_OWNING, ENTERPRISE_OWNING -> list.body("items.id", hasItems(f.approved(), f.introduced()))
                    .body("items.id", not(hasItem(f.proposed())))
                    .body("items.status", not(hasItem("PROPOSED")));
            default -> list.body("items", hasSize(0)).body("totalItems", equalTo(0));
        }
    }

    private static Map<Who, Integer> statuses(int anonymous, int universityOwning, int universityOther,
            int enterpriseOwning, int enterpriseOther, int broker, int admin) {
        Map<Who, Integer> statuses = new EnumMap<>(Who.class);
        statuses.put(Who.ANONYMOUS, anonymous);
        statuses.put(Who.UNIVERSITY_OWNING, universityOwning);
        statuses.put(Who.UNIVERSITY_OTHER, universityOther);
        statuses.put(Who.ENTERPRISE_OWNING, enterpriseOwning);
        statuses.put(Who.ENTERPRISE_OTHER, enterpriseOther);
        statuses.put(Who.BROKER, broker);
        statuses.put(Who.ADMIN, admin);
        return statuses;
    }

    private static ValidatableResponse send(String token, Call call) {
        RequestSpecification request = Api.as(token);
        if (call.body() != null) {
            request = request.contentType(ContentType.JSON).body(call.body());
        }
        return (call.method().equals("POST") ? request.when().post(call.path()) : request.when().get(call.path())).then();
    }

    /** What a write would change: status, version and history. */
    record PairState(String status, long version, List<Object> history) {
        static PairState of(String matchId) {
            JsonPath pair = Api.asBroker().when().get("/api/matches/" + matchId).then().statusCode(200).extract().jsonPath();
            return new PairState(pair.getString("status"), pair.getLong("version"), pair.getList("history"));
        }
    }

    private static synchronized Fixture fixture() {
        if (fixture != null) {
            return fixture;
        }
        String university = "org-matrix-university-" + Events.newId();
        String enterprise = "org-matrix-enterprise-" + Events.newId();
        ObjectNode achievement = Events.achievement(Events.newId(), 1, "高铁接触网异物车载图像智能识别巡检系统",
                "利用车载高清相机拍摄接触网，深度学习识别鸟窝、风筝、塑料布等接触网异物，识别准确率98%，自动生成巡检报告。",
                List.of("接触网", "异物识别", "巡检"), "01.08", 7);
        achievement.put("organisationId", university);
        String achievementId = achievement.get("id").asText();
        Events.publishAchievement("AchievementCreated", achievement);
        MatchingTest.awaitIndexed(achievementId);
        List<String> demandIds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            ObjectNode demand = Events.demand(Events.newId(), 1, "接触网异物巡检自动识别",
                    "我们铁路局接触网巡检依赖人工看视频，效率低，需要接触网异物自动识别技术，识别鸟窝、风筝和漂浮物，生成巡检报告。",
                    List.of("接触网", "异物识别", "巡检"), "01.08", 6);
            demand.put("organisationId", enterprise);
            Events.publishDemand("DemandCreated", demand);
            demandIds.add(demand.get("id").asText());
        }
        List<String> pairs = demandIds.stream().map(d -> Api.awaitPair(d, achievementId)).toList();
        String approved = pairs.get(1);
        String introduced = pairs.get(2);
        String toMove = pairs.get(4);
        String toAnswer = pairs.get(5);
        for (String pair : List.of(approved, introduced, toMove, toAnswer)) {
            Api.decide(pair, Map.of("decision", "APPROVE")).statusCode(200);
        }
        Api.move(introduced, Map.of("status", "INTRODUCED")).statusCode(200);
        Api.move(toAnswer, Map.of("status", "INTRODUCED")).statusCode(200);
        fixture = new Fixture(university, enterprise, achievementId, demandIds.get(0), pairs.get(0), approved, introduced,
                pairs.get(3), toMove, toAnswer);
        return fixture;
    }
}
