package io.techbridge.gateway;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Organisations and users made through the admin API, each test its own. */
final class Accounts {

    static final String PASSWORD = "correct horse battery";

    private Accounts() {
    }

    static String admin() {
        return TestTokens.bearer(TestTokens.admin());
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String organisation(String type) {
        String id = unique("org-t");
        given().header("Authorization", admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "测试机构 " + id, "type", type, "regionCode", "330100"))
                .when().post("/api/admin/organisations").then().statusCode(201);
        return id;
    }

    static ValidatableResponse createUser(String username, String organisationId, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("username", username);
        body.put("displayName", "用户 " + username);
        body.put("password", password);
        body.put("organisationId", organisationId);
        return given().header("Authorization", admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/users").then();
    }

    /** A new enabled user of a new organisation of the type; returns its login name. */
    static String user(String organisationType) {
        String username = unique("user");
        createUser(username, organisation(organisationType), PASSWORD).statusCode(201);
        return username;
    }

    static ValidatableResponse login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .when().post("/api/auth/login").then();
    }

    static String token(String username) {
        return login(username, PASSWORD).statusCode(200).extract().path("accessToken");
    }

    /** A new enabled user of a new organisation of the type; returns its id. */
    static String userId(String username, String organisationType) {
        return createUser(username, organisation(organisationType), PASSWORD).statusCode(201).extract().path("id");
    }

    static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/api/auth/refresh").then();
    }

    static ValidatableResponse logout(String refreshToken) {
        return given().contentType(ContentType.JSON).body(Map.of("refreshToken", refreshToken))
                .when().post("/api/auth/logout").then();
    }

    /** Changes an account as the admin (PATCH /api/admin/users/{id}). */
    static void change(String userId, Map<String, Object> change) {
        given().header("Authorization", admin()).contentType(ContentType.JSON).body(change)
                .when().patch("/api/admin/users/" + userId).then().statusCode(200);
    }
}
