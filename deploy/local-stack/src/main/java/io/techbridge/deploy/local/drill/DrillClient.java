package io.techbridge.deploy.local.drill;

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
import java.util.Set;

/**
 * The drill's calls through the gateway, each judged and written to the {@link Ledger}: a success,
 * a refusal it deserved, a 503/504 (or no connection) while a process it needs was down, or a
 * wrong answer. Logins renew their access tokens themselves and wait out an outage of the gateway.
 */
final class DrillClient {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> ACHIEVEMENTS = Set.of("gateway", "achievement-service", "postgresql");
    static final Set<String> DEMANDS = Set.of("gateway", "demand-service", "postgresql");
    static final Set<String> MATCHING = Set.of("gateway", "matching-service", "postgresql", "elasticsearch");
    static final Set<String> LOGIN = Set.of("gateway", "postgresql");

    /** The answer to one call: status -1 when none came (refused, reset, timed out). */
    record Answer(int status, String body, Map<String, java.util.List<String>> headers, Ledger.Answer verdict) {
        boolean ok() {
            return status / 100 == 2;
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON: " + body, e);
            }
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final String gateway;
    private final Ledger ledger;

    DrillClient(String gateway, Ledger ledger) {
        this.gateway = gateway;
        this.ledger = ledger;
    }

    /** A login of one demo account; its token is renewed before it runs out. */
    final class Session {
        private final String username;
        private final String password;
        private String accessToken;
        private String refreshToken;
        private Instant renewAt = Instant.MIN;
        private Instant expiresAt = Instant.MIN;

        Session(String username, String password) {
            this.username = username;
            this.password = password;
        }

        /** {@code Bearer …}, or null while no valid token can be had (the gateway or its database is down). */
        synchronized String authorization() {
            Instant now = Instant.now();
            if (now.isBefore(renewAt)) {
                return "Bearer " + accessToken;
            }
            Answer answer = refreshToken == null ? null
                    // 401: a refresh the gateway carried out but whose answer was lost when it was killed spent
                    // the token; after the reuse grace a repeat is refused, as it should be, and the client logs in.
                    : call("refresh", false, LOGIN, "POST", "/api/auth/refresh", null,
                            json(Map.of("refreshToken", refreshToken)), null, Set.of(401));
            if (answer == null || answer.status() == 401) {
                answer = call("login", false, LOGIN, "POST", "/api/auth/login", null,
                        json(Map.of("username", username, "password", password)), null, Set.of());
            }
            if (answer.ok()) {
                JsonNode body = answer.json();
                accessToken = body.get("accessToken").asText();
                refreshToken = body.get("refreshToken").asText();
                long lifetime = body.path("expiresIn").asLong(50);
                expiresAt = now.plusSeconds(lifetime);
                renewAt = now.plusSeconds(Math.max(lifetime / 2, lifetime - 20));
                return "Bearer " + accessToken;
            }
            // Still valid for a while: keep using it until the gateway answers again.
            return now.isBefore(expiresAt.minusSeconds(3)) ? "Bearer " + accessToken : null;
        }
    }

    Session logIn(String username, String password) {
        Session session = new Session(username, password);
        if (session.authorization() == null) {
            throw new IllegalStateException("cannot log in " + username + " at " + gateway);
        }
        return session;
    }

    /**
     * One call through the gateway, judged: {@code deserved} are the 4xx this call may get by the
     * rules of the API (say 409 for a pair a broker decided meanwhile).
     */
    Answer call(String kind, boolean write, Set<String> dependsOn, String method, String path, String authorization,
            String jsonBody, Map<String, String> headers, Set<Integer> deserved) {
        return send(kind, write, dependsOn, method, path, authorization, jsonBody == null ? null
                : HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8), "application/json", headers, deserved);
    }

    Answer send(String kind, boolean write, Set<String> dependsOn, String method, String path, String authorization,
            HttpRequest.BodyPublisher body, String contentType, Map<String, String> headers, Set<Integer> deserved) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).timeout(Duration.ofSeconds(40))
                .header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (headers != null) {
            headers.forEach(request::header);
        }
        if (body != null) {
            request.header("Content-Type", contentType).method(method, body);
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        Instant sent = Instant.now();
        int status;
        String text;
        Map<String, java.util.List<String>> answerHeaders = Map.of();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            status = response.statusCode();
            text = response.body();
            answerHeaders = response.headers().map();
        } catch (IOException e) {
            status = -1;
            text = e.getClass().getSimpleName() + ": " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        Instant answered = Instant.now();
        Ledger.Answer verdict;
        if (status / 100 == 2) {
            verdict = Ledger.Answer.SUCCESS;
        } else if (deserved.contains(status)) {
            verdict = Ledger.Answer.DESERVED;
        } else if ((status == -1 || status == 503 || status == 504) && ledger.anyDown(dependsOn, sent, answered)) {
            verdict = Ledger.Answer.UNAVAILABLE;
        } else {
            verdict = Ledger.Answer.WRONG;
        }
        String detail = verdict == Ledger.Answer.SUCCESS ? null
                : method + " " + path + " → " + (status == -1 ? "no answer" : status) + ": "
                        + (text == null ? "" : text.substring(0, Math.min(300, text.length())));
        ledger.record(new Ledger.Request(ledger.currentPhase(), kind, write, sent, answered, status, verdict, detail),
                dependsOn);
        return new Answer(status, text, answerHeaders, verdict);
    }

    static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
