package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * The audit trail holds who did each security-relevant thing, when, in which request and how it
 * ended, whether the gateway answered it or a service did, and only an admin reads it.
 */
@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class AuditTrailTest {

    @Test
    void aFailedAndASuccessfulLoginAreRecordedByTheNameTypedWithTheirAddressAndRequest() {
        String username = Accounts.unique("audited");
        String userId = Accounts.userId(username, "UNIVERSITY");
        String failedRequest = "audit-" + UUID.randomUUID();
        given().header("X-Request-Id", failedRequest).contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "not the password"))
                .when().post("/api/auth/login").then().statusCode(401);
        Accounts.login(username, Accounts.PASSWORD).statusCode(200);

        List<Map<String, Object>> logins = entriesOnceThere("actor=" + username + "&action=LOGIN", 2);
        Map<String, Object> succeeded = logins.get(0);
        Map<String, Object> failed = logins.get(1);
        assertEquals("SUCCEEDED", succeeded.get("outcome"));
        assertEquals(200, succeeded.get("status"));
        assertEquals(userId, succeeded.get("actorId"));
        assertEquals("university", succeeded.get("actorRole"));
        assertEquals("REFUSED", failed.get("outcome"));
        assertEquals(401, failed.get("status"));
        assertEquals(username, failed.get("actorName"));
        assertNull(failed.get("actorId"), "a failed login names no account");
        assertEquals(failedRequest, failed.get("requestId"));
        assertEquals("127.0.0.1", failed.get("clientAddress"));
    }

    @Test
    void anAccountChangeNamesTheAdminWhoMadeItAndTheAccount() {
        String userId = Accounts.userId(Accounts.unique("leaver"), "ENTERPRISE");
        Accounts.change(userId, Map.of("enabled", false));

        Map<String, Object> change = entriesOnceThere("action=USER_UPDATE&target=" + userId, 1).get(0);
        assertEquals("SUCCEEDED", change.get("outcome"));
        assertEquals("admin@" + TestTokens.OPERATOR_ORGANISATION, change.get("actorName"));
        assertEquals("admin", change.get("actorRole"));
        assertEquals("PATCH", change.get("method"));
        Map<String, Object> created = entriesOnceThere("action=USER_CREATE&target=" + userId, 1).get(0);
        assertEquals(201, created.get("status"), "a create is found by the id of what it made");
    }

    @Test
    void aBrokerDecisionAnsweredByItsServiceAndOneRefusedAtTheGatewayAreBothRecorded() {
        String match = "m-" + UUID.randomUUID();
        given().header("Authorization", TestTokens.bearer(TestTokens.broker())).contentType(ContentType.JSON)
                .body(Map.of("decision", "APPROVED")).when().post("/api/matches/" + match + "/decision").then().statusCode(200);
        given().header("Authorization", "Bearer not-a-token").contentType(ContentType.JSON)
                .body(Map.of("decision", "REJECTED")).when().post("/api/matches/" + match + "/decision").then().statusCode(401);
        // A read is not an audited action.
        given().header("Authorization", TestTokens.bearer(TestTokens.broker())).when().get("/api/matches/" + match)
                .then().statusCode(200);

        List<Map<String, Object>> decisions = entriesOnceThere("target=" + match, 2);
        Map<String, Object> refused = decisions.get(0);
        Map<String, Object> decided = decisions.get(1);
        assertEquals("MATCH_DECISION", decided.get("action"));
        assertEquals("SUCCEEDED", decided.get("outcome"));
        assertEquals("broker", decided.get("actorRole"));
        assertEquals(TestTokens.BROKER_ORGANISATION, decided.get("actorOrganisation"));
        assertEquals("REFUSED", refused.get("outcome"));
        assertEquals(401, refused.get("status"));
        assertNull(refused.get("actorName"), "a token that does not verify names nobody");
    }

    @Test
    void onlyAnAdminReadsTheTrailAndABadFilterIsNamed() {
        given().when().get("/api/admin/audit").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.broker())).when().get("/api/admin/audit")
                .then().statusCode(403);
        given().header("Authorization", Accounts.admin()).queryParam("action", "COFFEE").when().get("/api/admin/audit")
                .then().statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("action"));
        given().header("Authorization", Accounts.admin()).queryParam("from", "6 Dec").when().get("/api/admin/audit")
                .then().statusCode(400).body("violations[0].field", equalTo("from"));
        given().header("Authorization", Accounts.admin()).queryParam("from", "2026-12-06").queryParam("to", "2026-12-05")
                .when().get("/api/admin/audit").then().statusCode(400).body("violations[0].field", equalTo("to"));
    }

    /** The entries of a filter, newest first, once there are {@code count} of them (they are written after the answer). */
    private static List<Map<String, Object>> entriesOnceThere(String query, int count) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> JsonPath.from(given().header("Authorization", Accounts.admin())
                .when().get("/api/admin/audit?" + query).then().statusCode(200).extract().asString())
                .<Map<String, Object>>getList("items"), items -> items.size() == count);
    }
}
