package io.techbridge.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The demo accounts' sessions, shared by all virtual users: one login each through
 * {@code POST /api/auth/login}, then the access token renewed with the refresh token
 * ({@code POST /api/auth/refresh}, which rotates it) well before it expires, as the console does.
 */
public final class Sessions implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String gatewayUrl;
    private final HttpClient http = HttpClient.newBuilder()
            // HTTP/1.1 as the simulation's requests (Gatling's default): no cleartext HTTP/2 upgrade on the
            // first request, which once broke a fixture's 100-record read here.
            .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> passwords = new ConcurrentHashMap<>();
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>();
    private final Map<String, Long> renewAt = new ConcurrentHashMap<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger failedRefreshes = new AtomicInteger();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "session-renewer");
        thread.setDaemon(true);
        return thread;
    });

    public Sessions(String gatewayUrl, Path accountsFile, String... usernames) {
        this.gatewayUrl = gatewayUrl;
        JsonNode accounts;
        try {
            accounts = JSON.readTree(accountsFile.toFile());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the demo accounts " + accountsFile + ": " + e.getMessage(), e);
        }
        for (JsonNode account : accounts.isArray() ? accounts : accounts.path("accounts")) {
            passwords.put(account.path("username").asText(), account.path("password").asText());
        }
        for (String username : usernames) {
            if (!passwords.containsKey(username)) {
                throw new IllegalStateException("no demo account " + username + " in " + accountsFile);
            }
            login(username);
        }
        renewer.scheduleWithFixedDelay(this::renewDue, 1, 1, TimeUnit.SECONDS);
    }

    /** The current access token of a demo account. */
    public String bearer(String username) {
        return "Bearer " + accessTokens.get(username);
    }

    public int refreshes() {
        return refreshes.get();
    }

    public int failedRefreshes() {
        return failedRefreshes.get();
    }

    private void login(String username) {
        String body = JSON.createObjectNode().put("username", username).put("password", passwords.get(username)).toString();
        take(username, post("/api/auth/login", body));
    }

    private void renewDue() {
        long now = System.currentTimeMillis();
        renewAt.forEach((username, at) -> {
            if (at <= now) {
                try {
                    String body = JSON.createObjectNode().put("refreshToken", refreshTokens.get(username)).toString();
                    take(username, post("/api/auth/refresh", body));
                    refreshes.incrementAndGet();
                } catch (RuntimeException e) {
                    failedRefreshes.incrementAndGet();
                    try {
                        login(username);
                    } catch (RuntimeException again) {
                        renewAt.put(username, now + 2_000);
                    }
                }
            }
        });
    }

    private void take(String username, JsonNode answer) {
        accessTokens.put(username, answer.path("accessToken").asText());
        refreshTokens.put(username, answer.path("refreshToken").asText());
        long lifetime = answer.path("expiresIn").asLong(50);
        // renew at 60 % of the lifetime: a request in flight never carries an expired token
        renewAt.put(username, System.currentTimeMillis() + lifetime * 600);
    }

    private JsonNode post(String path, String body) {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
    }
}
