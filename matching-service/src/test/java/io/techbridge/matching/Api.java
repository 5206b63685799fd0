package io.techbridge.matching;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

/** Requests as the gateway would send them: with a test token of a role, or none. */
final class Api {

    static final Duration PATIENCE = Duration.ofSeconds(120);

    private Api() {
    }

    static RequestSpecification as(String token) {
        return token == null ? given() : given().header("Authorization", TestTokens.bearer(token));
    }

    static RequestSpecification asBroker() {
        return as(TestTokens.broker());
    }

    static RequestSpecification asAdmin() {
        return as(TestTokens.admin());
    }

    /** The login name a token carries (upn), which histories record as the actor. */
    static String loginName(String token) {
        try {
            String payload = token.split("\\.")[1];
            JsonNode claims = Events.JSON.readTree(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
            return claims.get("upn").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static ValidatableResponse post(String token, String path, Map<String, Object> body) {
        return as(token).contentType(ContentType.JSON).body(body).when().post(path).then();
    }

    static ValidatableResponse decide(String matchId, Map<String, Object> body) {
        return post(TestTokens.broker(), "/api/matches/" + matchId + "/decision", body);
    }

    static ValidatableResponse move(String matchId, Map<String, Object> body) {
        return post(TestTokens.broker(), "/api/matches/" + matchId + "/transition", body);
    }

    static ValidatableResponse answer(String token, String matchId, Map<String, Object> body) {
        return post(token, "/api/matches/" + matchId + "/introduction", body);
    }

    /** The pair of a demand and an achievement, once the matcher has proposed it. */
    static String awaitPair(String demandId, String achievementId) {
        return await().atMost(PATIENCE).until(() -> asBroker().queryParam("demandId", demandId)
                        .queryParam("achievementId", achievementId).when().get("/api/matches").then().extract()
                        .<String>path("items[0].id"),
                id -> id != null);
    }

    /** Publishes the achievement, waits until it is indexed, publishes the demand and waits for their pair. */
    static String proposedPair(com.fasterxml.jackson.databind.node.ObjectNode achievement,
            com.fasterxml.jackson.databind.node.ObjectNode demand) {
        Events.publishAchievement("AchievementCreated", achievement);
        MatchingTest.awaitIndexed(achievement.get("id").asText());
        Events.publishDemand("DemandCreated", demand);
        return awaitPair(demand.get("id").asText(), achievement.get("id").asText());
    }
}
