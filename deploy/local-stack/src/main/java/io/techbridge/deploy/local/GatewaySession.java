package io.techbridge.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A login at the gateway for a tool or test that may run longer than an access token lives (50 s):
 * {@link #authorization()} hands out a valid access token, renewing it with the refresh token when
 * less than 15 s (or a third of its lifetime) is left, and logging in again when the refresh is
 * refused (the session expired or was ended). Safe to share between threads.
 */
public final class GatewaySession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(15);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http;
    private final String gatewayUrl;
    private final String username;
    private final String password;
    private String accessToken;
    private String refreshToken;
    private Instant renewAt;
    private JsonNode user;

    private GatewaySession(HttpClient http, String gatewayUrl, String username, String password) {
        this.http = http;
        this.gatewayUrl = gatewayUrl;
        this.username = username;
        this.password = password;
    }

    /** Logs in; an {@link IllegalStateException} says why a login was refused. */
    public static GatewaySession logIn(String gatewayUrl, String username, String password) {
        GatewaySession session = new GatewaySession(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(),
                gatewayUrl, username, password);
        session.logIn();
        return session;
    }

    /** {@code Bearer <access token>}, renewed first if it is about to expire. */
    public String authorization() {
        return "Bearer " + accessToken();
    }

    public synchronized String accessToken() {
        if (!Instant.now().isBefore(renewAt)) {
            HttpResponse<String> refreshed = post("/api/auth/refresh", Map.of("refreshToken", refreshToken));
            if (refreshed.statusCode() == 200) {
                take(refreshed.body());
            } else if (refreshed.statusCode() == 401) {
                logIn();
            } else {
                throw new IllegalStateException("refresh of " + username + " answered " + refreshed.statusCode() + ": "
                        + refreshed.body());
            }
        }
        return accessToken;
    }

    /** The logged-in user as the gateway describes it ({@code id}, {@code username}, {@code role}, …). */
    public synchronized JsonNode user() {
        return user;
    }

    /** Ends the session at the gateway. */
    public synchronized void logOut() {
        post("/api/auth/logout", Map.of("refreshToken", refreshToken));
    }

    private synchronized void logIn() {
        HttpResponse<String> response = post("/api/auth/login", Map.of("username", username, "password", password));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("login of " + username + " at " + gatewayUrl + " answered "
                    + response.statusCode() + ": " + response.body());
        }
        take(response.body());
    }

    private void take(String body) {
        try {
            JsonNode answer = JSON.readTree(body);
            accessToken = answer.get("accessToken").asText();
            refreshToken = answer.get("refreshToken").asText();
            user = answer.get("user");
            Duration lifetime = Duration.ofSeconds(answer.path("expiresIn").asLong(50));
            Duration margin = RENEW_BEFORE.compareTo(lifetime.dividedBy(3)) < 0 ? RENEW_BEFORE : lifetime.dividedBy(3);
            renewAt = Instant.now().plus(lifetime).minus(margin);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the gateway answered a login without tokens: " + body, e);
        }
    }

    private HttpResponse<String> post(String path, Map<String, String> body) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path)).timeout(TIMEOUT)
                            .header("Content-Type", "application/json").header("Accept", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("POST " + gatewayUrl + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
