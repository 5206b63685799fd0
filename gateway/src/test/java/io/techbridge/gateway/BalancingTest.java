package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Several instances of a service: the requests are shared between the instances that answer, one
 * where nothing listens never fails a request, and an instance that stops gets none.
 */
@QuarkusTest
@GatewayServers
@TestProfile(BalancedProfile.class)
class BalancingTest {

    @Test
    void requestsAreSharedBetweenTheLiveInstancesAndNoneFailsForTheDeadOne() {
        Map<Integer, Integer> byPort = send("/api/demands/d-1", 40);
        assertEquals(40, byPort.values().stream().mapToInt(Integer::intValue).sum(), byPort.toString());
        assertEquals(2, byPort.size(), "both live demand-service stand-ins answer: " + byPort);
    }

    @Test
    void aStoppedInstanceGetsNoRequestsAndABodyStillArrivesWhole() {
        EchoUpstreams.stopSecondInstance("matching");
        String body = "{\"reason\":\"" + "x".repeat(5000) + "\"}";
        Map<Integer, Integer> byPort = new HashMap<>();
        for (int i = 0; i < 30; i++) {
            var answer = given().header("Authorization", "Bearer " + TestTokens.broker())
                    .contentType("application/json").body(body)
                    .post("/api/matches/m-1/decision")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(body.length(), answer.getInt("bodySize"));
            byPort.merge(answer.getInt("port"), 1, Integer::sum);
        }
        assertEquals(1, byPort.size(), "only the matching stand-in still running answers: " + byPort);
    }

    private static Map<Integer, Integer> send(String path, int count) {
        Map<Integer, Integer> byPort = new HashMap<>();
        for (int i = 0; i < count; i++) {
            int port = given().header("Authorization", "Bearer " + TestTokens.broker())
                    .get(path).then().statusCode(200).extract().jsonPath().getInt("port");
            byPort.merge(port, 1, Integer::sum);
        }
        assertTrue(byPort.size() <= 2, "three base URLs, two of them listening: " + byPort);
        return byPort;
    }
}
