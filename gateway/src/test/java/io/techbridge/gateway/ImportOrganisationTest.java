package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * An admin imports demands for the enterprise organisation it names: the gateway, which owns the
 * organisations, refuses an import naming one that does not exist or is no enterprise before the
 * file reaches demand-service; every other upload goes on to the service, which applies the rules
 * of a create.
 */
@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class ImportOrganisationTest {

    private static final byte[] SHEET = "需求名称,拟解决的技术难题\n铝型材表面瑕疵识别,人工目检漏检多\n"
            .getBytes(StandardCharsets.UTF_8);

    @Test
    void anAdminsImportNamingNoOrganisationThatExistsIsRefusedNamingTheParameter() {
        refused(upload(TestTokens.admin(), Accounts.unique("org-nowhere")), "no organisation");
    }

    @Test
    void anAdminsImportNamingWhatCannotBeAnOrganisationIdIsRefusedNamingTheParameter() {
        refused(upload(TestTokens.admin(), "a\u0000b"), "no organisation a?b exists");
        refused(upload(TestTokens.admin(), "x".repeat(300)), "no organisation");
    }

    @Test
    void anAdminsImportNamingAnOrganisationThatIsNoEnterpriseIsRefused() {
        refused(upload(TestTokens.admin(), Accounts.organisation("UNIVERSITY")), "is not an enterprise");
        refused(upload(TestTokens.admin(), Accounts.organisation("OPERATOR")), "is not an enterprise");
    }

    @Test
    void anAdminsImportNamingAnExistingEnterpriseReachesTheDemandServiceWhole() {
        String enterprise = Accounts.organisation("ENTERPRISE");
        upload(TestTokens.admin(), enterprise).statusCode(200)
                .header("X-Upstream", "demand")
                .body("method", equalTo("POST"))
                .body("query", equalTo("organisationId=" + enterprise))
                .body("bodySize", equalTo(SHEET.length));
    }

    @Test
    void otherCallersUploadsAreLeftToTheServiceAndTellNothingOfWhichOrganisationsExist() {
        String nowhere = Accounts.unique("org-nowhere");
        upload(TestTokens.enterprise("org-huarui-pharma"), nowhere).statusCode(200).header("X-Upstream", "demand");
        upload(TestTokens.university("org-zju"), nowhere).statusCode(200).header("X-Upstream", "demand");
        upload(null, nowhere).statusCode(200).header("X-Upstream", "demand");
        // Without a named organisation the service answers the admin (400 naming organisationId).
        upload(TestTokens.admin(), null).statusCode(200).header("X-Upstream", "demand");
        // Only the demand import names an organisation this way.
        given().header("Authorization", TestTokens.bearer(TestTokens.admin())).queryParam("organisationId", nowhere)
                .contentType("text/csv").body(SHEET).when().post("/api/achievements/imports").then()
                .statusCode(200).header("X-Upstream", "achievement");
    }

    private static ValidatableResponse upload(String token, String organisationId) {
        var request = given().contentType("text/csv; charset=UTF-8").body(SHEET);
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (organisationId != null) {
            request.queryParam("organisationId", organisationId);
        }
        return request.when().post("/api/demands/imports").then();
    }

    /** 400 problem+json naming organisationId, answered by the gateway: the service never saw the file. */
    private static void refused(ValidatableResponse response, String why) {
        response.statusCode(400).contentType("application/problem+json")
                .header("X-Upstream", nullValue())
                .body("type", equalTo("https://techbridge.io/problems/validation"))
                .body("violations[0].field", equalTo("organisationId"))
                .body("violations[0].in", equalTo("query"))
                .body("violations[0].rule", equalTo("ExistingEnterprise"))
                .body("detail", containsString(why));
    }
}
