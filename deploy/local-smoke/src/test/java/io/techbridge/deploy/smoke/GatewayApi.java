package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.GatewaySession;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The gateway's API as one demo user, for setting up what a browser scenario starts from; the
 * access token is renewed as a scenario outlasts it.
 */
final class GatewayApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newHttpClient();
    private final String baseUrl;
    private final GatewaySession session;

    private GatewayApi(String baseUrl, GatewaySession session) {
        this.baseUrl = baseUrl;
        this.session = session;
    }

    static GatewayApi logIn(String baseUrl, ConsoleStack.Account account) {
        return new GatewayApi(baseUrl, GatewaySession.logIn(baseUrl, account.username(), account.password()));
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), path);
    }

    /** The status and body of a GET, whatever the status. */
    HttpResponse<String> getResponse(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET()
                .header("Authorization", session.authorization()).header("Accept", accept).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode post(String path, Object body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), path);
    }

    private JsonNode send(HttpRequest.Builder request, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", session.authorization())
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        // 200 for reads and changes, 201 for a record created, 202 for a job accepted
        assertTrue(response.statusCode() >= 200 && response.statusCode() < 300, path + " answered "
                + response.statusCode() + ": " + response.body());
        return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
