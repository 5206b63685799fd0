package io.techbridge.demand;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Request bodies and calls shared by the demand tests. Calls act as an enterprise of the
 * organisation concerned: a create as the body's organisation, a change or a read as the
 * organisation that owns the demand (remembered from its create), unless a test passes a token.
 */
final class Demands {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Owner organisation of every demand created through these helpers. */
    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

    private Demands() {
    }

    static String newOrganisation() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Today in the service's time zone, the calendar the service decides "future" and "expired" by. */
    static LocalDate today() {
        return LocalDate.now(ZONE);
    }

    static String inDays(int days) {
        return today().plusDays(days).toString();
    }

    /** A valid create body (demo demand d01, without a challenge); tests change one member at a time. */
    static Map<String, Object> validBody(String organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("enterprise", "浙江恒宇铝型材有限公司");
        body.put("title", "建筑及工业铝型材表面瑕疵在线自动识别与分级");
        body.put("problem", "型材出厂前要对表面100%检查，目前全部靠人工在灯箱下目检，漏检多、判定标准不统一。希望引入自动化手段替代人工目检。");
        body.put("indicators", "可识别不少于8类瑕疵，漏检率≤1%，误判率≤3%；适应线速度≥60 m/min。");
        body.put("fieldCode", "08.03");
        body.put("keywords", new ArrayList<>(List.of("铝型材", "表面瑕疵", "自动检测")));
        body.put("budget", new HashMap<>(Map.of("minCny", 500000, "maxCny", 1500000, "negotiable", false)));
        body.put("validUntil", inDays(180));
        body.put("regionCode", "330500");
        body.put("cooperationModes", new ArrayList<>(List.of("LICENSE", "TECHNICAL_SERVICE")));
        body.put("minTrl", 6);
        body.put("confidentiality", "PUBLIC");
        body.put("challenge", null);
        body.put("contact", new HashMap<>(Map.of("name", "沈建国", "phone", "13857261843", "email", "shenjg@hengyu-al.com")));
        return body;
    }

    /** An open challenge (揭榜挂帅) that fits the validity of {@link #validBody}. */
    static Map<String, Object> challenge() {
        Map<String, Object> challenge = new HashMap<>();
        challenge.put("goal", "在一条挤压线上建成瑕疵自动识别系统并稳定运行3个月");
        challenge.put("indicators", "漏检率≤1%；误判率≤3%");
        challenge.put("bountyCny", 2000000);
        challenge.put("applicationDeadline", inDays(45));
        challenge.put("judgingDeadline", inDays(90));
        return challenge;
    }

    static Map<String, Object> withChallenge(Map<String, Object> body) {
        body.put("challenge", challenge());
        return body;
    }

    /** A request with the token, or an anonymous one when it is null. */
    static RequestSpecification as(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
    }

    /** A request by an enterprise of the organisation. */
    static RequestSpecification asOwner(String organisationId) {
        return as(TestTokens.enterprise(organisationId));
    }

    /** The token of the enterprise that owns the demand. */
    static String ownerToken(String id) {
        String owner = OWNERS.get(id);
        if (owner == null) {
            throw new IllegalStateException("demand " + id + " was not created by these helpers");
        }
        return TestTokens.enterprise(owner);
    }

    static ValidatableResponse create(Map<String, Object> body) {
        Object organisation = body.get("organisationId");
        return create(body, TestTokens.enterprise(organisation instanceof String s ? s : newOrganisation()));
    }

    static ValidatableResponse create(Map<String, Object> body, String token) {
        // Many tests register the same body: they confirm the possible duplicates (DuplicateDetectionTest tests the refusal).
        Response response = as(token).contentType(ContentType.JSON).body(body).queryParam("duplicates", "confirmed")
                .when().post("/api/demands");
        if (response.statusCode() == 201) {
            OWNERS.put(response.path("id"), response.path("organisationId"));
        }
        return response.then();
    }

    static String createdId(Map<String, Object> body) {
        return create(body).statusCode(201).extract().path("id");
    }

    /** The demand as its owner reads it (everything). */
    static ValidatableResponse get(String id) {
        return get(id, ownerToken(id));
    }

    static ValidatableResponse get(String id, String token) {
        return as(token).when().get("/api/demands/" + id).then();
    }

    static ValidatableResponse update(String id, Map<String, Object> body) {
        return update(id, body, ownerToken(id));
    }

    static ValidatableResponse update(String id, Map<String, Object> body, String token) {
        return as(token).contentType(ContentType.JSON).body(body).when().put("/api/demands/" + id).then();
    }

    static ValidatableResponse changeStatus(String id, String operation, long version) {
        return changeStatus(id, operation, version, ownerToken(id));
    }

    static ValidatableResponse changeStatus(String id, String operation, long version, String token) {
        return as(token).contentType(ContentType.JSON).body(Map.of("version", version, "reason", "test"))
                .when().post("/api/demands/" + id + "/" + operation).then();
    }

    /** The ids an organisation's listing shows to the organisation itself, newest change first. */
    static List<String> idsOf(String organisationId, Map<String, Object> filters) {
        return asOwner(organisationId).queryParam("organisationId", organisationId).queryParams(filters)
                .when().get("/api/demands").then().statusCode(200).extract().path("items.id");
    }

    static int countOf(String organisationId) {
        return asOwner(organisationId).queryParam("organisationId", organisationId)
                .when().get("/api/demands").then().statusCode(200).extract().path("totalItems");
    }
}
