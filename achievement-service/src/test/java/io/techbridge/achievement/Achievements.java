package io.techbridge.achievement;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * Request bodies and calls shared by the achievement tests. Calls act as a university of the
 * organisation concerned: a create as the body's organisation, a change as the organisation that
 * registered the achievement (remembered from its create), unless a test passes a token itself.
 */
final class Achievements {

    /** Owner organisation of every achievement created through these helpers. */
    private static final Map<String, String> OWNERS = new ConcurrentHashMap<>();

    private Achievements() {
    }

    static String newOrganisation() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A valid create body; tests change one member at a time. */
    static Map<String, Object> validBody(String organisationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("organisationId", organisationId);
        body.put("status", "PUBLISHED");
        body.put("institution", "浙江大学");
        body.put("title", "高导热石墨烯复合散热膜制备技术");
        body.put("summary", "采用化学气相沉积与热压复合工艺制备石墨烯散热膜，面内导热系数达1500 W/(m·K)，厚度25微米。");
        body.put("keywords", new ArrayList<>(List.of("石墨烯", "散热膜", "导热")));
        body.put("fieldCode", "04.02");
        body.put("trl", 6);
        body.put("ipForms", new ArrayList<>(List.of("INVENTION_PATENT")));
        body.put("patentNumbers", new ArrayList<>(List.of("ZL202110345678.2")));
        body.put("transferModes", new ArrayList<>(List.of("LICENSE", "ASSIGNMENT")));
        body.put("askingPrice", new HashMap<>(Map.of("minCny", 500000, "maxCny", 2000000, "negotiable", false)));
        body.put("freeTrialLicence", false);
        body.put("advantages", "导热系数比传统人工石墨膜高30%，成本降低20%。");
        body.put("regionCode", "330100");
        body.put("inventors", new ArrayList<>(List.of("王明", "李华")));
        body.put("contact", new HashMap<>(Map.of("name", "陈老师", "phone", "0571-87951234", "email", "tto@example.edu.cn")));
        return body;
    }

    /** A request with the token, or an anonymous one when it is null. */
    static RequestSpecification as(String token) {
        RequestSpecification request = given();
        return token == null ? request : request.header("Authorization", TestTokens.bearer(token));
    }

    /** A request by a university of the organisation. */
    static RequestSpecification asOwner(String organisationId) {
        return as(TestTokens.university(organisationId));
    }

    /** The token of the university that owns the achievement. */
    static String ownerToken(String id) {
        String owner = OWNERS.get(id);
        if (owner == null) {
            throw new IllegalStateException("achievement " + id + " was not created by these helpers");
        }
        return TestTokens.university(owner);
    }

    static ValidatableResponse create(Map<String, Object> body) {
        Object organisation = body.get("organisationId");
        return create(body, TestTokens.university(organisation instanceof String s ? s : newOrganisation()));
    }

    static ValidatableResponse create(Map<String, Object> body, String token) {
        // Many tests register the same body: they confirm the possible duplicates (DuplicateDetectionTest tests the refusal).
        Response response = as(token).contentType(ContentType.JSON).body(body).queryParam("duplicates", "confirmed")
                .when().post("/api/achievements");
        if (response.statusCode() == 201) {
            OWNERS.put(response.path("id"), response.path("organisationId"));
        }
        return response.then();
    }

    static String createdId(Map<String, Object> body) {
        return create(body).statusCode(201).extract().path("id");
    }

    static ValidatableResponse update(String id, Map<String, Object> body) {
        return update(id, body, ownerToken(id));
    }

    static ValidatableResponse update(String id, Map<String, Object> body, String token) {
        return as(token).contentType(ContentType.JSON).body(body).when().put("/api/achievements/" + id).then();
    }

    static ValidatableResponse changeStatus(String id, String operation, long version) {
        return changeStatus(id, operation, version, ownerToken(id));
    }

    static ValidatableResponse changeStatus(String id, String operation, long version, String token) {
        return as(token).contentType(ContentType.JSON).body(Map.of("version", version, "reason", "test"))
                .when().post("/api/achievements/" + id + "/" + operation).then();
    }

    /** The achievement as its owner reads it (everything). */
    static ValidatableResponse readAsOwner(String id) {
        return as(ownerToken(id)).when().get("/api/achievements/" + id).then();
    }
}
