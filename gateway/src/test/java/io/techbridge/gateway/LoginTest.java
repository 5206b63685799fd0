package io.techbridge.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@GatewayServers
class LoginTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void loginReturnsABearerTokenAndTheUser() {
        String organisation = Accounts.organisation("ENTERPRISE");
        String username = Accounts.unique("buyer");
        String id = Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201).extract().path("id");

        Accounts.login(username, Accounts.PASSWORD).statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(50))
                .body("accessToken", notNullValue())
                .body("refreshToken", matchesPattern("[A-Za-z0-9_-]{43}"))
                .body("refreshExpiresIn", both(greaterThan(8 * 3600 - 60)).and(lessThanOrEqualTo(8 * 3600)))
                .body("user.id", equalTo(id))
                .body("user.username", equalTo(username))
                .body("user.displayName", equalTo("用户 " + username))
                .body("user.role", equalTo("enterprise"))
                .body("user.organisationId", equalTo(organisation))
                .body("user.organisationName", equalTo("测试机构 " + organisation))
                .body("user.organisationType", equalTo("ENTERPRISE"));
    }

    @Test
    void theTokenIsSignedWithTheKeyEveryServiceVerifiesAndCarriesTheContractClaims() throws Exception {
        String organisation = Accounts.organisation("INSTITUTE");
        String username = Accounts.unique("researcher");
        String id = Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201).extract().path("id");
        String token = Accounts.token(username);

        String[] parts = token.split("\\.");
        assertEquals(3, parts.length);
        JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
        assertEquals("RS256", header.get("alg").asText());
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initVerify(testPublicKey());
        signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertTrue(signature.verify(Base64.getUrlDecoder().decode(parts[2])), "signature verifies with the public key");

        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertEquals("techbridge", claims.get("iss").asText());
        assertEquals(id, claims.get("sub").asText());
        assertEquals(username, claims.get("upn").asText());
        assertEquals(List.of("university"), JSON.convertValue(claims.get("groups"), List.class));
        assertEquals(organisation, claims.get("org").asText());
        assertEquals("INSTITUTE", claims.get("orgType").asText());
        assertEquals("测试机构 " + organisation, claims.get("orgName").asText());
        assertEquals("用户 " + username, claims.get("name").asText());
        assertEquals(1, claims.get("cver").asInt(), "the account's credentials version, raised by a new password");
        assertEquals(50, claims.get("exp").asLong() - claims.get("iat").asLong(), "access tokens are short-lived");
    }

    @Test
    void wrongPasswordAndUnknownNameGetTheSameRefusal() {
        String username = Accounts.user("UNIVERSITY");
        String wrongPassword = Accounts.login(username, "not the password at all").statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .extract().path("detail");
        String unknownName = Accounts.login(Accounts.unique("nobody"), Accounts.PASSWORD).statusCode(401)
                .contentType("application/problem+json").extract().path("detail");
        assertEquals(wrongPassword, unknownName, "the answer does not tell which accounts exist");
    }

    @Test
    void aDisabledAccountCannotLogIn() {
        String organisation = Accounts.organisation("BROKER_AGENCY");
        String username = Accounts.unique("broker");
        String id = Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201).extract().path("id");
        Accounts.login(username, Accounts.PASSWORD).statusCode(200);

        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON).body(Map.of("enabled", false))
                .when().patch("/api/admin/users/" + id).then().statusCode(200).body("enabled", equalTo(false));

        Accounts.login(username, Accounts.PASSWORD).statusCode(401).contentType("application/problem+json");
    }

    @Test
    void loginNamesIgnoreCase() {
        String username = Accounts.user("ENTERPRISE");
        Accounts.login(username.toUpperCase(), Accounts.PASSWORD).statusCode(200).body("user.username", equalTo(username));
    }

    @Test
    void meAnswersWithTheTokensUser() {
        String username = Accounts.user("BROKER_AGENCY");
        String token = Accounts.token(username);
        given().header("Authorization", TestTokens.bearer(token)).when().get("/api/auth/me").then().statusCode(200)
                .body("username", equalTo(username)).body("role", equalTo("broker"))
                .body("organisationType", equalTo("BROKER_AGENCY"));
    }

    @Test
    void meRefusesAnonymousCallersAndTokensOfNoAccount() {
        given().when().get("/api/auth/me").then().statusCode(401).contentType("application/problem+json");
        String stranger = TestTokens.sign(Map.of("iss", "techbridge", "sub", UUID.randomUUID().toString(),
                "upn", "ghost", "groups", List.of("broker"), "iat", System.currentTimeMillis() / 1000,
                "exp", System.currentTimeMillis() / 1000 + 600));
        given().header("Authorization", TestTokens.bearer(stranger)).when().get("/api/auth/me").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        java.security.KeyPair foreign = generator.generateKeyPair();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64(("{\"iss\":\"techbridge\",\"sub\":\"x\",\"upn\":\"x\",\"groups\":[\"admin\"],\"exp\":"
                + (System.currentTimeMillis() / 1000 + 600) + "}").getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(foreign.getPrivate());
        signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
        String forged = header + "." + payload + "." + b64(signer.sign());

        given().header("Authorization", "Bearer " + forged).when().get("/api/admin/users").then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void theBootstrapAdminCanLogIn() {
        Accounts.login("admin", "bootstrap-admin-secret").statusCode(200)
                .body("user.role", equalTo("admin"))
                .body("user.organisationId", equalTo("org-operator"))
                .body("user.organisationName", equalTo("市科技成果转化中心"));
    }

    @Test
    void aLoginWithoutPasswordIsAValidationProblem() {
        given().contentType(ContentType.JSON).body(Map.of("username", "someone"))
                .when().post("/api/auth/login").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("password"));
    }

    private static PublicKey testPublicKey() throws Exception {
        String pem = Files.readString(TestTokens.keys().publicKey()).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
