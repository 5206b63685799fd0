package io.techbridge.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Refresh tokens: rotation, reuse detection, logout, and the sessions a disabled account or a new password ends. */
@QuarkusTest
@GatewayServers
class RefreshTokenTest {

    @Inject
    EntityManager entities;

    @Test
    void aRefreshGivesANewAccessTokenAndTheRefreshTokensSuccessor() {
        String username = Accounts.unique("refresher");
        String id = Accounts.userId(username, "ENTERPRISE");
        ExtractableResponse<Response> login = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract();

        ExtractableResponse<Response> refreshed = Accounts.refresh(login.path("refreshToken")).statusCode(200)
                .header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(50))
                .body("refreshToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("user.id", equalTo(id))
                .body("user.username", equalTo(username))
                .extract();
        assertNotEquals(login.<String>path("refreshToken"), refreshed.<String>path("refreshToken"));
        assertTrue(refreshed.<Integer>path("refreshExpiresIn") <= login.<Integer>path("refreshExpiresIn"),
                "a refresh does not extend the session");
        given().header("Authorization", TestTokens.bearer(refreshed.path("accessToken"))).when().get("/api/auth/me")
                .then().statusCode(200).body("username", equalTo(username));
        Accounts.refresh(refreshed.path("refreshToken")).statusCode(200);
    }

    @Test
    void aRefreshTokenPresentedAgainRightAfterItsUseGetsAnotherSuccessor() {
        // Two tabs of one browser refreshing at the same moment send the same token.
        String username = Accounts.user("UNIVERSITY");
        String first = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        String second = Accounts.refresh(first).statusCode(200).extract().path("refreshToken");
        String sibling = Accounts.refresh(first).statusCode(200).extract().path("refreshToken");

        assertNotEquals(second, sibling);
        Accounts.refresh(second).statusCode(200);
        Accounts.refresh(sibling).statusCode(200);
    }

    @Test
    void aRefreshTokenPresentedAgainAfterTheGraceEndsItsSession() {
        String username = Accounts.user("BROKER_AGENCY");
        String stolen = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        String successor = Accounts.refresh(stolen).statusCode(200).extract().path("refreshToken");
        exchangedLongAgo(stolen);

        Accounts.refresh(stolen).statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"));
        // Whoever holds the successor, the legitimate user or the thief, is logged out as well.
        Accounts.refresh(successor).statusCode(401).contentType("application/problem+json");
        // A new login is a new session.
        String fresh = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        Accounts.refresh(fresh).statusCode(200);
    }

    @Test
    void anUnknownRefreshTokenIsRefused() {
        Accounts.refresh("A".repeat(43)).statusCode(401).contentType("application/problem+json")
                .body("type", containsString("unauthenticated"));
    }

    @Test
    void logoutEndsTheSession() {
        String username = Accounts.user("ENTERPRISE");
        String refreshToken = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        String other = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");

        Accounts.logout(refreshToken).statusCode(204);

        Accounts.refresh(refreshToken).statusCode(401).contentType("application/problem+json");
        Accounts.logout(refreshToken).statusCode(204);
        Accounts.refresh(other).statusCode(200);
    }

    @Test
    void aRefreshAfterTheAccountWasDisabledIsRefused() {
        String username = Accounts.unique("leaver");
        String id = Accounts.userId(username, "UNIVERSITY");
        String refreshToken = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");

        Accounts.change(id, Map.of("enabled", false));

        Accounts.refresh(refreshToken).statusCode(401).contentType("application/problem+json");
        // Enabled again, the account needs a new login: the old session stays ended.
        Accounts.change(id, Map.of("enabled", true));
        Accounts.refresh(refreshToken).statusCode(401);
        String fresh = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        Accounts.refresh(fresh).statusCode(200);
    }

    @Test
    void aNewPasswordEndsEverySessionOfTheAccount() {
        String username = Accounts.unique("reset");
        String id = Accounts.userId(username, "ENTERPRISE");
        String office = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        String laptop = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        String other = Accounts.login(Accounts.user("ENTERPRISE"), Accounts.PASSWORD).statusCode(200).extract()
                .path("refreshToken");

        Accounts.change(id, Map.of("password", "a brand new passphrase"));

        Accounts.refresh(office).statusCode(401);
        Accounts.refresh(laptop).statusCode(401);
        Accounts.refresh(other).statusCode(200);
        Accounts.login(username, Accounts.PASSWORD).statusCode(401);
        String fresh = Accounts.login(username, "a brand new passphrase").statusCode(200).extract().path("refreshToken");
        Accounts.refresh(fresh).statusCode(200);
    }

    @Test
    void aNewDisplayNameKeepsTheSessionAndReachesTheNextAccessToken() {
        String username = Accounts.unique("renamed");
        String id = Accounts.userId(username, "UNIVERSITY");
        String refreshToken = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");

        Accounts.change(id, Map.of("displayName", "新的名字"));

        Accounts.refresh(refreshToken).statusCode(200).body("user.displayName", equalTo("新的名字"));
    }

    @Test
    void theBrowserGetsItsRefreshTokenAsAStrictHttpOnlyCookieScopedToTheAuthEndpoints() {
        String username = Accounts.user("BROKER_AGENCY");
        Response login = given().contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD, "refreshCookie", true))
                .when().post("/api/auth/login").then().statusCode(200)
                .body("refreshToken", nullValue())
                .body("accessToken", not(nullValue()))
                .extract().response();
        String setCookie = login.getHeader("Set-Cookie");
        assertTrue(setCookie.startsWith("techbridge_refresh="), setCookie);
        for (String attribute : List.of("HttpOnly", "SameSite=Strict", "Path=/api/auth", "Max-Age=")) {
            assertTrue(setCookie.contains(attribute), setCookie + " has " + attribute);
        }
        assertTrue(!setCookie.contains("Secure"), "plain HTTP: no Secure flag, or the browser would drop it: " + setCookie);
        String cookie = login.getCookie("techbridge_refresh");

        Response refreshed = given().cookie("techbridge_refresh", cookie).contentType(ContentType.JSON).body("{}")
                .when().post("/api/auth/refresh").then().statusCode(200)
                .body("refreshToken", nullValue())
                .body("user.username", equalTo(username))
                .extract().response();
        String next = refreshed.getCookie("techbridge_refresh");
        assertNotEquals(cookie, next);

        Response loggedOut = given().cookie("techbridge_refresh", next).contentType(ContentType.JSON).body("{}")
                .when().post("/api/auth/logout").then().statusCode(204).extract().response();
        assertTrue(loggedOut.getHeader("Set-Cookie").contains("Max-Age=0"), loggedOut.getHeader("Set-Cookie"));
        Response refused = given().cookie("techbridge_refresh", next).contentType(ContentType.JSON).body("{}")
                .when().post("/api/auth/refresh").then().statusCode(401).contentType("application/problem+json")
                .extract().response();
        assertTrue(refused.getHeader("Set-Cookie").contains("Max-Age=0"), "a dead cookie is cleared");
    }

    @Test
    void behindATlsProxyTheCookieIsSecure() {
        String username = Accounts.user("ENTERPRISE");
        String setCookie = given().header("X-Forwarded-Proto", "https").contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", Accounts.PASSWORD, "refreshCookie", true))
                .when().post("/api/auth/login").then().statusCode(200).extract().header("Set-Cookie");
        assertTrue(setCookie.contains("Secure"), setCookie);
    }

    @Test
    void aRefreshWorksWhileTheExpiredAccessTokenIsStillSentAlong() {
        String username = Accounts.user("UNIVERSITY");
        String refreshToken = Accounts.login(username, Accounts.PASSWORD).statusCode(200).extract().path("refreshToken");
        long now = System.currentTimeMillis() / 1000;
        String expired = TestTokens.sign(Map.of("iss", "techbridge", "sub", "someone", "upn", username,
                "groups", List.of("university"), "iat", now - 120, "exp", now - 60));

        given().header("Authorization", TestTokens.bearer(expired)).contentType(ContentType.JSON)
                .body(Map.of("refreshToken", refreshToken)).when().post("/api/auth/refresh").then().statusCode(200);
    }

    @Test
    void badInputToRefreshAndLogoutIsAProblemNamingTheField() {
        for (String path : List.of("/api/auth/refresh", "/api/auth/logout")) {
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", "not a token")).when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("refreshToken"));
            given().contentType(ContentType.JSON).body(Map.of("refreshToken", "")).when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("refreshToken"));
            given().contentType(ContentType.JSON).body("{}").when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("refreshToken"));
            given().contentType(ContentType.JSON).body("{\"refreshToken\": {\"a\": 1}}").when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("refreshToken"));
            given().contentType(ContentType.JSON).body("{\"token\": \"x\"}").when().post(path)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("violations[0].field", equalTo("token"));
        }
        given().contentType(ContentType.JSON).body(Map.of("username", "someone", "password", "something long",
                        "refreshCookie", "perhaps")).when().post("/api/auth/login")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("refreshCookie"));
    }

    @Test
    void accessEndsWithinAMinuteOfARevocationEverywhere() {
        Duration lifetime = ConfigProvider.getConfig().getValue("techbridge.gateway.token.lifetime", Duration.class);
        int clockSkew = ConfigProvider.getConfig().getValue("mp.jwt.verify.clock.skew", Integer.class);
        assertTrue(lifetime.plusSeconds(clockSkew).compareTo(Duration.ofMinutes(1)) <= 0,
                "an access token outlives a revocation by at most its lifetime " + lifetime + " and the clock allowance "
                        + clockSkew + " s");
    }

    /** Moves the exchange of a refresh token a minute back, past the reuse grace. */
    private void exchangedLongAgo(String refreshToken) {
        String hash;
        try {
            hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(refreshToken.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        int changed = QuarkusTransaction.requiringNew().call(() -> entities.createNativeQuery(
                        "update refresh_token set replaced_at = replaced_at - interval '1 minute' where token_hash = ?1")
                .setParameter(1, hash).executeUpdate());
        assertTrue(changed == 1, "the token was exchanged");
    }
}
