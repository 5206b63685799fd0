package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Password guessing against one account is slowed for that login name, from whichever address: past
 * five failures in a row each failure closes the name for a doubling time (3 s, 6 s, … in the tests;
 * 1 s, 2 s, … at most 5 min by default), during which even the right password gets 429 with
 * Retry-After; an unknown name is treated alike.
 */
@QuarkusTest
@GatewayServers
class LoginThrottleTest {

    private static final String WRONG = "not the password at all";

    @Test
    void afterFiveFailuresInARowTheNameIsClosedForAWhileAndThenTheRightPasswordWorksAndEndsTheRun() {
        String username = Accounts.unique("guessed");
        String id = Accounts.userId(username, "ENTERPRISE");
        for (int i = 0; i < 6; i++) {
            Accounts.login(username, WRONG).statusCode(401);
        }
        // The sixth failure closed the name for 3 s: the right password is not even checked.
        Accounts.login(username, Accounts.PASSWORD).statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", oneOf("1", "2", "3"))
                .body("type", containsString("login-throttled"));
        given().header("Authorization", Accounts.admin()).when().get("/api/admin/users/" + id).then().statusCode(200)
                .body("failedLoginsInARow", equalTo(6));

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Accounts.login(username, Accounts.PASSWORD).statusCode(200));
        given().header("Authorization", Accounts.admin()).when().get("/api/admin/users/" + id).then().statusCode(200)
                .body("failedLoginsInARow", equalTo(0))
                .body("loginClosedUntil", nullValue());
        // A new run starts from nothing: five more failures close nothing.
        for (int i = 0; i < 5; i++) {
            Accounts.login(username, WRONG).statusCode(401);
        }
        Accounts.login(username, Accounts.PASSWORD).statusCode(200);
    }

    @Test
    void eachFurtherFailureDoublesTheWaitAndTheAdminSeesUntilWhen() {
        String username = Accounts.unique("guessed");
        String id = Accounts.userId(username, "UNIVERSITY");
        for (int i = 0; i < 6; i++) {
            Accounts.login(username, WRONG).statusCode(401);
        }
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> Accounts.login(username, WRONG).statusCode(401));
        // The seventh failure closed it for twice as long, 6 s.
        Accounts.login(username, Accounts.PASSWORD).statusCode(429).header("Retry-After", oneOf("4", "5", "6"));
        String closedUntil = given().header("Authorization", Accounts.admin()).when().get("/api/admin/users").then()
                .statusCode(200)
                .body("find { it.id == '" + id + "' }.failedLoginsInARow", equalTo(7))
                .body("find { it.id == '" + id + "' }.loginClosedUntil", notNullValue())
                .extract().path("find { it.id == '" + id + "' }.loginClosedUntil");
        assertTrue(Instant.parse(closedUntil).isAfter(Instant.now()), closedUntil);
    }

    @Test
    void anUnknownNameIsThrottledLikeAKnownOneSoTheAnswersTellNothingAboutWhichNamesExist() {
        String nobody = Accounts.unique("nobody");
        for (int i = 0; i < 6; i++) {
            Accounts.login(nobody, WRONG).statusCode(401);
        }
        Accounts.login(nobody, WRONG).statusCode(429).header("Retry-After", oneOf("1", "2", "3"))
                .body("type", containsString("login-throttled"));
    }

    @Test
    void theCountIsPerLoginNameWhateverItsCase() {
        String username = Accounts.unique("cased");
        Accounts.userId(username, "ENTERPRISE");
        for (int i = 0; i < 6; i++) {
            Accounts.login(i % 2 == 0 ? username.toUpperCase() : username, WRONG).statusCode(401);
        }
        Accounts.login(username, Accounts.PASSWORD).statusCode(429);
    }
}
