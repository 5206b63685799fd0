package io.techbridge.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** An operator may repeat the creation of an organisation or an account with an Idempotency-Key. */
@QuarkusTest
@GatewayServers
class IdempotencyKeyTest {

    @Inject
    EntityManager entityManager;

    @Test
    void anOrganisationRepeatedWithTheSameKeyIsRegisteredOnce() {
        String admin = TestTokens.admin();
        String key = UUID.randomUUID().toString();
        // Without an id, each create would derive a new one.
        String name = "Idempotent Robotics " + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> body = Map.of("name", name, "type", "ENTERPRISE");

        Response first = post(admin, key, "/api/admin/organisations", body);
        Response repeat = post(admin, key, "/api/admin/organisations", body);

        assertEquals(201, first.statusCode());
        assertEquals(201, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertEquals("true", repeat.header("Idempotent-Replayed"));
        List<String> named = given().header("Authorization", TestTokens.bearer(admin)).get("/api/admin/organisations")
                .then().statusCode(200).extract().path("findAll { it.name == '" + name + "' }.id");
        assertEquals(List.of(first.<String>path("id")), named);

        post(admin, key, "/api/admin/organisations", Map.of("name", name, "type", "UNIVERSITY")).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://techbridge.io/problems/idempotency-key-reused"));
    }

    @Test
    void anAccountRepeatedWithTheSameKeyIsCreatedOnceAndItsPasswordIsNeverStored() {
        String admin = TestTokens.admin();
        String key = UUID.randomUUID().toString();
        String organisation = Accounts.organisation("UNIVERSITY");
        String username = Accounts.unique("idem");
        String password = "a secret only the user knows " + UUID.randomUUID();
        Map<String, Object> body = new HashMap<>(Map.of("username", username, "displayName", "幂等用户",
                "password", password, "organisationId", organisation));

        Response first = post(admin, key, "/api/admin/users", body);
        // Without the key, the repeat would be refused: the login name is taken.
        Response repeat = post(admin, key, "/api/admin/users", body);

        assertEquals(201, first.statusCode());
        assertEquals(201, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        given().header("Authorization", TestTokens.bearer(admin)).queryParam("organisationId", organisation)
                .get("/api/admin/users").then().statusCode(200).body("username", equalTo(List.of(username)));
        Accounts.login(username, password).statusCode(200);

        body.put("password", password + "!");
        post(admin, key, "/api/admin/users", body).then().statusCode(422);

        // Only the answer (no password) and a slow hash of the request are kept.
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                "SELECT body, request_hash FROM idempotency_key WHERE idempotency_key = ?1 AND path = '/api/admin/users'")
                .setParameter(1, key).getSingleResult());
        String stored = new String((byte[]) row[0], StandardCharsets.UTF_8);
        assertEquals(first.body().asString(), stored);
        assertFalse(stored.contains(password));
        assertEquals(32, ((byte[]) row[1]).length);
    }

    @Test
    void twoOperatorsMayUseOneKeyIndependently() {
        String key = "batch-" + UUID.randomUUID();
        String name = "独立键机构 " + UUID.randomUUID().toString().substring(0, 6);

        String mine = post(TestTokens.admin(), key, "/api/admin/organisations", Map.of("name", name, "type", "ENTERPRISE"))
                .then().statusCode(201).extract().path("id");
        String theirs = post(TestTokens.admin(), key, "/api/admin/organisations", Map.of("name", name, "type", "INSTITUTE"))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");

        assertNotEquals(mine, theirs);
    }

    @Test
    void withoutAKeyARepeatIsRefusedAsBefore() {
        String organisation = Accounts.organisation("ENTERPRISE");
        String username = Accounts.unique("nokey");
        Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201);
        Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(409);
    }

    @Test
    void theApiDescriptionNamesTheHeaderOnTheCreatesOnly() {
        Management.given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/admin/organisations'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/admin/users'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/admin/users/{id}'.patch.parameters.name", not(hasItem("Idempotency-Key")));
    }

    private static Response post(String token, String key, String path, Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(token)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body).post(path);
    }
}
