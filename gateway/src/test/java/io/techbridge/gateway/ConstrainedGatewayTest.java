package io.techbridge.gateway;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.techbridge.deploy.local.testing.TestTokens;
import io.vertx.core.http.HttpServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@GatewayServers
@TestProfile(ConstrainedProfile.class)
class ConstrainedGatewayTest {

    @Test
    void aServiceThatIsDownGives503Promptly() {
        long started = System.nanoTime();
        given().header("Authorization", TestTokens.bearer(TestTokens.enterprise("org-huarui-pharma")))
                .when().get("/api/demands").then().statusCode(503)
                .contentType("application/problem+json")
                .body("title", equalTo("Service unavailable"))
                .body("detail", containsString("demand-service"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.println("503 for a stopped service after " + millis + " ms");
        // The other services still answer.
        given().when().get("/api/achievements").then().statusCode(200).body("service", equalTo("achievement"));
    }

    @Inject
    MeterRegistry registry;

    /**
     * A connect refused for a moment is no outage: the gateway tries each instance once more after
     * {@code connect-retry-after} (a second here, for the test to bring the service up meanwhile).
     */
    @Test
    void aServiceThatComesUpRightAfterItsFirstConnectWasRefusedStillAnswers() throws Exception {
        double retriedBefore = connectsRetried();
        CompletableFuture<Integer> status = CompletableFuture.supplyAsync(() -> given()
                .header("Authorization", TestTokens.bearer(TestTokens.enterprise("org-huarui-pharma")))
                .when().get("/api/demands").then().extract().statusCode());
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5)).until(() -> connectsRetried() > retriedBefore);
        HttpServer demandService = EchoUpstreams.bringUp("demand");
        try {
            assertEquals(200, status.get(30, TimeUnit.SECONDS), "answered by the service that came up");
        } finally {
            demandService.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private double connectsRetried() {
        Counter counter = registry.find("techbridge.gateway.connects.retried").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void anAccountOverItsLimitGets429WithRetryAfterWhileOthersGoOn() {
        String busy = token(UUID.randomUUID().toString());
        for (int i = 0; i < ConstrainedProfile.PER_ACCOUNT; i++) {
            given().header("Authorization", busy).when().get("/api/matches").then().statusCode(200);
        }
        String retryAfter = given().header("Authorization", busy).when().get("/api/matches").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .extract().header("Retry-After");
        assertTrue(Long.parseLong(retryAfter) <= 600, "at most one window: " + retryAfter);
        given().header("Authorization", token(UUID.randomUUID().toString())).when().get("/api/matches").then().statusCode(200);
    }

    @Test
    void loginAttemptsFromOneAddressAreLimited() {
        int refused = 0;
        for (int i = 0; i < ConstrainedProfile.LOGINS + 1; i++) {
            int status = Accounts.login("nobody-" + i, "wrong password, surely").extract().statusCode();
            if (status == 429) {
                refused++;
            }
        }
        // Earlier logins of this run may have spent part of the bucket already: at least the last one is refused.
        assertTrue(refused >= 1, "the attempt beyond the limit is refused");
        Accounts.login("nobody", "wrong password, surely").statusCode(429).contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"));
    }

    @Test
    void theMergedApiListsAServiceThatIsDownAsUnavailable() {
        given().when().get("/openapi").then().statusCode(200)
                .body("'x-unavailable-services'", equalTo(List.of("demand-service")))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/achievements/{id}"))
                .body("paths", org.hamcrest.Matchers.hasKey("/api/auth/login"));
    }

    private static String token(String subject) {
        long now = System.currentTimeMillis() / 1000;
        return TestTokens.bearer(TestTokens.sign(Map.of("iss", "techbridge", "sub", subject, "upn", "limited-" + subject,
                "groups", List.of("broker"), "org", TestTokens.BROKER_ORGANISATION, "orgType", "BROKER_AGENCY",
                "iat", now, "exp", now + 3600)));
    }
}
