package io.techbridge.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A disabled account's access tokens, or those issued before a new password, stop working at the
 * gateway: for its own endpoints and for every routed one (a demand created, the statistics read).
 */
@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class AccessRevocationTest {

    @Inject
    EntityManager entities;

    @Test
    void aDisabledAccountsAccessTokenIsRefusedAtOnce() {
        String username = Accounts.unique("disabled");
        String id = Accounts.userId(username, "ENTERPRISE");
        String token = Accounts.token(username);
        String untouched = Accounts.token(Accounts.user("ENTERPRISE"));
        createsDemand(token).then().statusCode(200).body("service", equalTo("demand"));
        readsStats(token).then().statusCode(200).body("service", equalTo("matching"));

        Accounts.change(id, Map.of("enabled", false));

        createsDemand(token).then().statusCode(401).contentType("application/problem+json")
                .body("detail", containsString("disabled"));
        readsStats(token).then().statusCode(401).contentType("application/problem+json");
        as(token).when().get("/api/auth/me").then().statusCode(401);
        createsDemand(untouched).then().statusCode(200);
    }

    @Test
    void tokensIssuedBeforeANewPasswordAreRefusedAndANewLoginWorks() {
        String username = Accounts.unique("rotated");
        String id = Accounts.userId(username, "UNIVERSITY");
        String before = Accounts.token(username);
        readsStats(before).then().statusCode(200);

        Accounts.change(id, Map.of("password", "another long passphrase"));

        readsStats(before).then().statusCode(401).contentType("application/problem+json");
        String after = Accounts.login(username, "another long passphrase").statusCode(200).extract().path("accessToken");
        readsStats(after).then().statusCode(200);
    }

    @Test
    void aRevocationMadeByAnotherGatewayInstanceIsHonouredAtTheNextPoll() {
        String username = Accounts.unique("elsewhere");
        String id = Accounts.userId(username, "ENTERPRISE");
        String token = Accounts.token(username);
        createsDemand(token).then().statusCode(200);

        // Another instance wrote the change into the shared database; this one learns of it by reading.
        QuarkusTransaction.requiringNew().run(() -> entities.createNativeQuery("update user_account set enabled = false, "
                        + "credentials_version = credentials_version + 1, credentials_changed_at = now() "
                        + "where id = ?1")
                .setParameter(1, UUID.fromString(id)).executeUpdate());

        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> createsDemand(token).statusCode() == 401);
    }

    private static io.restassured.response.Response createsDemand(String token) {
        return as(token).contentType(ContentType.JSON).body(Map.of("title", "高纯度石墨烯量产工艺"))
                .when().post("/api/demands");
    }

    private static io.restassured.response.Response readsStats(String token) {
        return as(token).when().get("/api/stats");
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", TestTokens.bearer(token));
    }
}
