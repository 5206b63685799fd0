package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A university's research-management system calls TechBridge with an API key an admin issued for
 * the university, never with a person's password: the services see an access token of the
 * university; a read-only key cannot write; a revoked key is refused at once.
 */
@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class ApiKeyTest {

    @Test
    void aSystemCallsWithItsKeyAndTheServicesSeeItsOrganisationsToken() {
        String university = Accounts.organisation("UNIVERSITY");
        String key = issue(university, "WRITE").getString("key");

        JsonPath echo = JsonPath.from(given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON)
                .body(Map.of("title", "nightly")).when().post("/api/achievements").then().statusCode(200)
                .extract().asString());
        String forwarded = echo.getString("headers.authorization");
        assertFalse(forwarded.contains(key), "the service never sees the key");
        JsonPath claims = JsonPath.from(new String(Base64.getUrlDecoder().decode(forwarded.split("\\.")[1]), StandardCharsets.UTF_8));
        assertEquals(university, claims.getString("org"));
        assertEquals("university", claims.getList("groups").get(0));
        assertEquals("key:科研管理系统", claims.getString("upn"));
    }

    @Test
    void aReadOnlyKeyReadsButCannotWrite() {
        String key = issue(Accounts.organisation("ENTERPRISE"), "READ").getString("key");
        given().header("Authorization", "Bearer " + key).when().get("/api/demands").then().statusCode(200);
        given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON).body(Map.of("title", "x"))
                .when().post("/api/demands").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aRevokedKeyIsRefusedAtOnceAndTheListShowsItsLastUse() {
        String university = Accounts.organisation("UNIVERSITY");
        JsonPath issued = issue(university, "WRITE");
        String key = issued.getString("key");
        String id = issued.getString("id");
        given().header("Authorization", "Bearer " + key).when().get("/api/achievements").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().header("Authorization", Accounts.admin())
                .queryParam("organisationId", university).when().get("/api/admin/api-keys").then().statusCode(200)
                .body("[0].lastUsedAt", notNullValue()).body("[0].key", nullValue()));

        given().header("Authorization", Accounts.admin()).when().post("/api/admin/api-keys/" + id + "/revoke")
                .then().statusCode(200).body("revokedAt", notNullValue());
        given().header("Authorization", "Bearer " + key).when().get("/api/achievements").then().statusCode(401)
                .contentType("application/problem+json");
        // A guessed secret for a real key is no key at all.
        given().header("Authorization", "Bearer " + key.substring(0, key.length() - 4) + "AAAA").when().get("/api/achievements")
                .then().statusCode(401);
    }

    @Test
    void onlyAnAdminIssuesKeysForAnOrganisationThatExists() {
        Map<String, Object> body = Map.of("organisationId", Accounts.organisation("UNIVERSITY"), "name", "sync", "scope", "WRITE");
        given().contentType(ContentType.JSON).body(body).when().post("/api/admin/api-keys").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.broker())).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/api-keys").then().statusCode(403);
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("organisationId", "org-nobody", "name", "sync", "scope", "WRITE"))
                .when().post("/api/admin/api-keys").then().statusCode(400).body("violations[0].field", equalTo("organisationId"));
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("organisationId", body.get("organisationId"), "name", "sync", "scope", "ALL"))
                .when().post("/api/admin/api-keys").then().statusCode(400).body("violations[0].field", equalTo("scope"));
    }

    private static JsonPath issue(String organisationId, String scope) {
        return JsonPath.from(given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("organisationId", organisationId, "name", "科研管理系统", "scope", scope))
                .when().post("/api/admin/api-keys").then().statusCode(201)
                .header("Location", matchesPattern(".*/api/admin/api-keys/[0-9a-f-]{36}"))
                .body("key", matchesPattern("tbk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}"))
                .extract().asString());
    }
}
