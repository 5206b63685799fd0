package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.techbridge.deploy.local.testing.TestTokens;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An instance that takes a request and goes away before answering: a request safe to repeat (a
 * read, or a write with an Idempotency-Key) is answered by another instance, a write without a key
 * gets 503. Each service here has one such instance and one that answers (RetryingProfile); the
 * balancer tries an instance it has not called before first, so the losing one gets the first or
 * second request of each service.
 */
@QuarkusTest
@GatewayServers
@TestProfile(RetryingProfile.class)
class RepeatOnAnotherInstanceTest {

    private static final int ATTEMPTS = 4;

    @Test
    void aWriteWithAnIdempotencyKeyThatAnInstanceTookAndLostIsAnsweredByAnother() {
        String body = "{\"reason\":\"" + "x".repeat(5000) + "\"}";
        int droppedBefore = EchoUpstreams.dropped("matching");
        for (int i = 0; i < ATTEMPTS; i++) {
            String key = UUID.randomUUID().toString();
            var answer = given().header("Authorization", "Bearer " + TestTokens.broker())
                    .header("Idempotency-Key", key)
                    .contentType("application/json").body(body)
                    .post("/api/matches/m-1/decision")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(body, answer.getString("body"), "the body arrives whole, also when sent again");
            assertEquals(key, answer.getString("headers.idempotency-key"));
        }
        assertTrue(EchoUpstreams.dropped("matching") > droppedBefore, "the losing instance took at least one of them");
    }

    @Test
    void aReadThatAnInstanceTookAndLostIsAnsweredByAnother() {
        int droppedBefore = EchoUpstreams.dropped("demand");
        for (int i = 0; i < ATTEMPTS; i++) {
            given().header("Authorization", "Bearer " + TestTokens.broker())
                    .get("/api/demands/d-1").then().statusCode(200);
        }
        assertTrue(EchoUpstreams.dropped("demand") > droppedBefore, "the losing instance took at least one of them");
    }

    @Test
    void aWriteWithoutAKeyThatAnInstanceTookAndLostGets503AndIsNotSentAgain() {
        int droppedBefore = EchoUpstreams.dropped("achievement");
        int unavailable = 0;
        for (int i = 0; i < ATTEMPTS && unavailable == 0; i++) {
            ExtractableResponse<Response> answer = given().header("Authorization", "Bearer " + TestTokens.broker())
                    .contentType("application/json").body("{\"title\":\"sent once\"}")
                    .post("/api/achievements").then().extract();
            if (answer.statusCode() == 503) {
                unavailable++;
                assertEquals("application/problem+json", answer.contentType());
                assertEquals("Service unavailable", answer.jsonPath().getString("title"));
            } else {
                assertEquals(200, answer.statusCode(), answer.asString());
            }
        }
        assertEquals(1, unavailable, "the write the losing instance took is answered 503");
        assertEquals(droppedBefore + 1, EchoUpstreams.dropped("achievement"), "and was not sent to another instance");
    }
}
