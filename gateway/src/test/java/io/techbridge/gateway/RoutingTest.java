package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class RoutingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "/api/achievements, achievement",
            "/api/achievements/a-1, achievement",
            "/api/achievements/a-1/publish, achievement",
            "/api/achievements/a-1/matches, matching",
            "/api/fields, achievement",
            "/api/demands, demand",
            "/api/demands/d-1/close, demand",
            "/api/demands/d-1/matches, matching",
            "/api/demands/d-1/invitations, matching",
            "/api/invitations/mine, matching",
            "/api/invitations, matching",
            "/api/demands/imports, demand",
            "/api/demands/imports/j-1, demand",
            "/api/demands/imports/j-1/errors, demand",
            "/api/demands/d-1/applications, demand",
            "/api/demands/d-1/applications/ap-1, demand",
            "/api/demands/d-1/applications/ap-1/scores, demand",
            "/api/demands/d-1/applications/ap-1/shortlist, demand",
            "/api/demands/d-1/applications/ap-1/withdraw, demand",
            "/api/demands/d-1/award, demand",
            "/api/demands/applications/mine, demand",
            "/api/demands/d-1/renewal, demand",
            "/api/demands/d-1/merge, demand",
            "/api/demands/duplicate-check, demand",
            "/api/achievements/imports, achievement",
            "/api/achievements/imports/j-1/errors, achievement",
            "/api/achievements/a-1/merge, achievement",
            "/api/achievements/duplicate-check, achievement",
            "/api/matches, matching",
            "/api/matches/m-1/decision, matching",
            "/api/search, matching",
            "/api/stats, matching",
            "/api/stats/report.xlsx, matching",
            "/api/stats/learning, matching",
            "/api/admin/reindex, matching",
            "/api/admin/reindex/achievements, matching",
            "/api/admin/dead-letters, matching",
            "/api/admin/dead-letters/achievement-events.dlq/0/41, matching"})
    void eachPathReachesItsServiceWithTheCallersTokenAndARequestId(String path, String service) {
        String token = TestTokens.bearer(TestTokens.broker());
        given().header("Authorization", token).header("Accept-Language", "zh-CN").queryParam("q", "石墨烯 散热")
                .when().get(path).then().statusCode(200)
                .header("X-Request-Id", notNullValue())
                .body("service", equalTo(service))
                .body("method", equalTo("GET"))
                .body("path", equalTo(path))
                .body("query", equalTo("q=%E7%9F%B3%E5%A2%A8%E7%83%AF%20%E6%95%A3%E7%83%AD"))
                .body("headers.authorization", equalTo(token))
                .body("headers.accept-language", equalTo("zh-CN"))
                .body("headers.x-request-id", matchesPattern("[0-9a-f-]{36}"))
                .body("headers.x-forwarded-for", equalTo("127.0.0.1"))
                .body("headers.x-forwarded-proto", equalTo("http"))
                .body("headers.x-forwarded-host", notNullValue());
    }

    @Test
    void aSafeIncomingRequestIdIsKeptAndAnUnsafeOneReplaced() {
        given().header("X-Request-Id", "client-req.42").when().get("/api/stats").then().statusCode(200)
                .header("X-Request-Id", "client-req.42").body("headers.x-request-id", equalTo("client-req.42"));
        String replaced = given().header("X-Request-Id", "bad id\twith spaces").when().get("/api/stats").then()
                .statusCode(200).extract().path("headers.x-request-id");
        org.junit.jupiter.api.Assertions.assertNotEquals("bad id\twith spaces", replaced);
    }

    @Test
    void methodBodyAndConditionalHeadersAreForwardedAndHopByHopHeadersAreNot() {
        given().header("Authorization", TestTokens.bearer(TestTokens.university("org-zju")))
                .header("If-Match", "\"3\"").header("Proxy-Authorization", "Basic c2VjcmV0")
                .header("Connection", "keep-alive, X-Hop").header("X-Hop", "only for this hop")
                .contentType(ContentType.JSON).header("Accept", "application/json")
                .body(Map.of("title", "高导热石墨烯复合散热膜"))
                .when().put("/api/achievements/a-7").then().statusCode(200)
                .header("X-Upstream", "achievement")
                .header("Keep-Alive", nullValue())
                .body("method", equalTo("PUT"))
                .body("body", equalTo("{\"title\":\"高导热石墨烯复合散热膜\"}"))
                .body("headers.content-type", org.hamcrest.Matchers.startsWith("application/json"))
                .body("headers.accept", equalTo("application/json"))
                .body("headers.if-match", equalTo("\"3\""))
                .body("headers.proxy-authorization", nullValue())
                .body("headers.x-hop", nullValue());
    }

    @Test
    void anIdempotencyKeyReachesTheServiceUnchanged() {
        given().header("Authorization", TestTokens.bearer(TestTokens.university("org-zju")))
                .header("Idempotency-Key", "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")
                .contentType(ContentType.JSON).body(Map.of("title", "高导热石墨烯复合散热膜"))
                .when().post("/api/achievements").then().statusCode(200)
                .header("X-Upstream", "achievement")
                .body("headers.idempotency-key", equalTo("\"8e03978e-40d5-43e8-bc93-6894a57f9324\""));
    }

    @Test
    void aSpreadsheetUploadToAnImportReachesTheDemandServiceWithItsTypeAndFileName() {
        byte[] sheet = "成果名称,成果简介\n高导热石墨烯复合散热膜,面向5G基站的散热膜\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        given().header("Authorization", TestTokens.bearer(TestTokens.enterprise("org-huarui-pharma")))
                .queryParam("fileName", "需求登记表.csv").contentType("text/csv; charset=UTF-8").body(sheet)
                .when().post("/api/demands/imports").then().statusCode(200)
                .header("X-Upstream", "demand")
                .body("method", equalTo("POST"))
                .body("bodySize", equalTo(sheet.length))
                .body("headers.content-type", org.hamcrest.Matchers.startsWith("text/csv"))
                .body("query", equalTo("fileName=%E9%9C%80%E6%B1%82%E7%99%BB%E8%AE%B0%E8%A1%A8.csv"));
    }

    @Test
    void aLargeUploadStreamsThroughUnchanged() throws Exception {
        byte[] chunk = new byte[1 << 20];
        new java.util.Random(7).nextBytes(chunk);
        int megabytes = 24;
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        for (int i = 0; i < megabytes; i++) {
            sha256.update(chunk);
        }
        String expected = HexFormat.of().formatHex(sha256.digest());
        // Sent as a stream of unknown length (chunked), so nothing along the way knows the size in advance.
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/demands/d-1/attachments"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new RepeatingStream(chunk, megabytes)))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        io.restassured.path.json.JsonPath echo = new io.restassured.path.json.JsonPath(response.body());
        assertEquals((long) megabytes << 20, echo.getLong("bodySize"));
        assertEquals(expected, echo.getString("bodySha256"));
        assertEquals("chunked", echo.getString("headers.transfer-encoding"));
    }

    /** Over the 24 MB every part of TechBridge accepts, a declared body is refused with a problem, unread. */
    @Test
    void aBodyDeclaredOverTheLimitGetsA413Problem() throws Exception {
        byte[] file = new byte[25 << 20];
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/demands/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.body().contains("payload-too-large"), response.body());
    }

    /** A browser sends a file with its length; over 10 MB it was refused by the gateway, though imports take 20 MB. */
    @Test
    void anUploadOfKnownLengthUpToTheImportLimitReachesTheService() throws Exception {
        byte[] file = new byte[16 << 20];
        new java.util.Random(11).nextBytes(file);
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/demands/imports"))
                .header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        io.restassured.path.json.JsonPath echo = new io.restassured.path.json.JsonPath(response.body());
        assertEquals(16L << 20, echo.getLong("bodySize"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file)), echo.getString("bodySha256"));
    }

    @Test
    void aBodySentOverHttp2ReachesTheService() throws Exception {
        // Java's client upgrades plain HTTP to HTTP/2 where the server agrees; the body has no length header then.
        HttpRequest request = HttpRequest.newBuilder(gateway("/api/demands"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("{\"title\":\"x\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("{\"title\":\"x\"}", new io.restassured.path.json.JsonPath(response.body()).getString("body"));
    }

    @Test
    void aLargeDownloadStreamsThrough() throws Exception {
        long bytes = 32L << 20;
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(gateway("/api/matches/export/download?bytes=" + bytes)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        long read = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[65536];
            for (int n; (n = body.read(buffer)) > 0; ) {
                read += n;
            }
        }
        assertEquals(bytes, read);
    }

    @Test
    void aLocationNamingTheServicesOwnAddressIsGivenToTheClientAsAPathOfTheGateway() {
        given().contentType("application/json").body("{}").when().post("/api/achievements/created").then()
                .statusCode(200).header("Location", equalTo("/api/records/r-1?view=full"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeGives504() {
        given().when().get("/api/matches/slow").then().statusCode(504)
                .contentType("application/problem+json")
                .body("title", equalTo("Service did not answer"))
                .body("detail", org.hamcrest.Matchers.containsString("matching-service"));
    }

    @Test
    void aServiceThatGoesAwayBeforeAnsweringGives503WithRetryAfter() {
        // A service killed in the middle of a request (the fault drill, deploy/local/drill): unavailable, not a bad gateway.
        given().when().get("/api/achievements/crash").then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", equalTo("5"))
                .body("title", equalTo("Service unavailable"))
                .body("detail", org.hamcrest.Matchers.containsString("achievement-service went away"));
        given().contentType("application/json").body("{\"title\": \"x\"}").when().post("/api/demands/crash").then()
                .statusCode(503)
                .body("detail", org.hamcrest.Matchers.containsString("may or may not have been applied"));
    }

    @Test
    void anInvalidTokenIsRefusedBeforeAnyServiceSeesIt() {
        given().header("Authorization", "Bearer not.a.token").when().get("/api/achievements").then().statusCode(401)
                .contentType("application/problem+json").header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        String expired = TestTokens.sign(Map.of("iss", "techbridge", "sub", "someone", "upn", "someone",
                "groups", java.util.List.of("broker"), "iat", System.currentTimeMillis() / 1000 - 7200,
                "exp", System.currentTimeMillis() / 1000 - 3600));
        given().header("Authorization", TestTokens.bearer(expired)).when().get("/api/matches").then().statusCode(401)
                .contentType("application/problem+json");
        String foreignIssuer = TestTokens.sign(Map.of("iss", "somebody-else", "sub", "someone", "upn", "someone",
                "groups", java.util.List.of("broker"), "iat", System.currentTimeMillis() / 1000,
                "exp", System.currentTimeMillis() / 1000 + 3600));
        given().header("Authorization", TestTokens.bearer(foreignIssuer)).when().get("/api/matches").then().statusCode(401);
    }

    @Test
    void routedRequestsAreCountedPerRoute() {
        given().when().get("/api/fields").then().statusCode(200);
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("techbridge_gateway_requests_seconds_count{method=\"GET\",route=\"fields\",status=\"200\",upstream=\"achievement-service\"}"));
    }

    private static URI gateway(String path) {
        return URI.create("http://localhost:" + io.restassured.RestAssured.port + path);
    }

    /** The same megabyte again and again, read as a stream. */
    private static final class RepeatingStream extends InputStream {
        private final byte[] chunk;
        private long remaining;
        private int position;

        RepeatingStream(byte[] chunk, int times) {
            this.chunk = chunk;
            this.remaining = (long) chunk.length * times;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (remaining == 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, chunk.length - position), remaining);
            System.arraycopy(chunk, position, buffer, offset, n);
            position = (position + n) % chunk.length;
            remaining -= n;
            return n;
        }
    }
}
