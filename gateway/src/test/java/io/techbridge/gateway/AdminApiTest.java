package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

@QuarkusTest
@GatewayServers
class AdminApiTest {

    @Test
    void anOrganisationIsCreatedListedAndReadBack() {
        String id = Accounts.unique("org-created");
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "浙江测试大学", "type", "UNIVERSITY", "regionCode", "330100"))
                .when().post("/api/admin/organisations").then().statusCode(201)
                .header("Location", endsWith("/api/admin/organisations/" + id))
                .body("id", equalTo(id)).body("type", equalTo("UNIVERSITY")).body("role", equalTo("university"));

        admin().get("/api/admin/organisations/" + id).then().statusCode(200)
                .body("name", equalTo("浙江测试大学")).body("regionCode", equalTo("330100"));
        admin().get("/api/admin/organisations").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void anOrganisationWithoutIdGetsOneDerivedFromItsName() {
        String name = "Example Robotics " + UUID.randomUUID().toString().substring(0, 6);
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", name, "type", "ENTERPRISE"))
                .when().post("/api/admin/organisations").then().statusCode(201)
                .body("id", matchesPattern("org-example-robotics-[a-z0-9]+"));
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("name", "华东测试研究院", "type", "INSTITUTE"))
                .when().post("/api/admin/organisations").then().statusCode(201)
                .body("id", matchesPattern("org-[0-9a-f]{8}"));
    }

    @Test
    void aDuplicateOrganisationIdIsAConflict() {
        String id = Accounts.organisation("ENTERPRISE");
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("id", id, "name", "again", "type", "ENTERPRISE"))
                .when().post("/api/admin/organisations").then().statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", equalTo("id"));
    }

    @Test
    void anUnknownOrganisationIsNotFound() {
        admin().get("/api/admin/organisations/org-does-not-exist").then().statusCode(404)
                .contentType("application/problem+json");
    }

    /** It reached the database as part of the id and was a 500 there. */
    @Test
    void aNulCharacterInAnIdIsRefusedNamingIt() {
        admin().get("/api/admin/organisations/{id}", "org\u0000x").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("id")).body("violations[0].in", equalTo("path"))
                .body("violations[0].rule", equalTo("no-nul"));
    }

    @Test
    void usersAreCreatedListedAndChanged() {
        String organisation = Accounts.organisation("BROKER_AGENCY");
        String username = Accounts.unique("agent");
        String id = Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201)
                .header("Location", matchesPattern(".*/api/admin/users/[0-9a-f-]{36}"))
                .body("role", equalTo("broker")).body("enabled", equalTo(true))
                .body("$", not(hasKey("passwordHash"))).body("$", not(hasKey("password")))
                .extract().path("id");

        admin().queryParam("organisationId", organisation).get("/api/admin/users").then().statusCode(200)
                .body("username", equalTo(java.util.List.of(username)));

        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("displayName", "王经纪", "password", "a brand new secret"))
                .when().patch("/api/admin/users/" + id).then().statusCode(200)
                .body("displayName", equalTo("王经纪"));
        Accounts.login(username, Accounts.PASSWORD).statusCode(401);
        Accounts.login(username, "a brand new secret").statusCode(200).body("user.displayName", equalTo("王经纪"));
    }

    @Test
    void aDuplicateUsernameIsAConflictWhateverItsCase() {
        String organisation = Accounts.organisation("ENTERPRISE");
        String username = Accounts.unique("dup");
        Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201);
        Accounts.createUser(username.toUpperCase(), organisation, Accounts.PASSWORD).statusCode(409)
                .contentType("application/problem+json").body("violations[0].field", equalTo("username"));
    }

    @Test
    void invalidOrganisationsNameTheField() {
        postOrganisation(Map.of("type", "ENTERPRISE")).statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItem("name"));
        postOrganisation(Map.of("name", "x", "type", "CLUB")).statusCode(400).body("violations[0].field", equalTo("type"));
        postOrganisation(Map.of("name", "x", "type", "ENTERPRISE", "regionCode", "33")).statusCode(400)
                .body("violations[0].field", equalTo("regionCode")).body("violations[0].rule", equalTo("Pattern"));
        postOrganisation(Map.of("id", "Org With Spaces", "name", "x", "type", "ENTERPRISE")).statusCode(400)
                .body("violations[0].field", equalTo("id"));
    }

    @Test
    void invalidUsersNameTheField() {
        String organisation = Accounts.organisation("UNIVERSITY");
        Accounts.createUser(Accounts.unique("short"), organisation, "too-short").statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("password")).body("violations[0].rule", equalTo("min-length"));
        Accounts.createUser("a b", organisation, Accounts.PASSWORD).statusCode(400)
                .body("violations[0].field", equalTo("username"));
        Accounts.createUser(Accounts.unique("orphan"), "org-missing", Accounts.PASSWORD).statusCode(400)
                .body("violations[0].field", equalTo("organisationId"));
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON)
                .body(Map.of("password", "short"))
                .when().patch("/api/admin/users/" + UUID.randomUUID()).then().statusCode(404);
        String username = Accounts.unique("patchme");
        String id = Accounts.createUser(username, organisation, Accounts.PASSWORD).statusCode(201).extract().path("id");
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON).body(Map.of("password", "short"))
                .when().patch("/api/admin/users/" + id).then().statusCode(400).body("violations[0].field", equalTo("password"));
        given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON).body(Map.of("role", "admin"))
                .when().patch("/api/admin/users/" + id).then().statusCode(400).body("violations[0].field", equalTo("role"));
    }

    /** Every admin endpoint, for the refusal checks. */
    static Stream<Arguments> endpoints() {
        String user = UUID.randomUUID().toString();
        Map<String, Object> organisation = Map.of("name", "refused org", "type", "ENTERPRISE");
        Map<String, Object> newUser = new HashMap<>(Map.of("username", "refused-user", "displayName", "x",
                "password", Accounts.PASSWORD, "organisationId", "org-operator"));
        return Stream.of(
                Arguments.of("GET", "/api/admin/organisations", null),
                Arguments.of("POST", "/api/admin/organisations", organisation),
                Arguments.of("GET", "/api/admin/organisations/org-operator", null),
                Arguments.of("GET", "/api/admin/users", null),
                Arguments.of("POST", "/api/admin/users", newUser),
                Arguments.of("GET", "/api/admin/users/" + user, null),
                Arguments.of("PATCH", "/api/admin/users/" + user, Map.of("enabled", false)));
    }

    @ParameterizedTest(name = "{0} {1} anonymous → 401")
    @MethodSource("endpoints")
    void anonymousCallersAreAskedToLogIn(String method, String path, Object body) {
        request(null, body).request(method, path).then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
    }

    @ParameterizedTest(name = "{0} {1} university/enterprise/broker → 403")
    @MethodSource("endpoints")
    void otherRolesAreRefused(String method, String path, Object body) {
        for (String token : new String[]{TestTokens.university("org-zju"), TestTokens.enterprise("org-huarui-pharma"),
                TestTokens.broker()}) {
            request(TestTokens.bearer(token), body).request(method, path).then().statusCode(403)
                    .contentType("application/problem+json");
        }
    }

    private static RequestSpecification request(String authorization, Object body) {
        RequestSpecification spec = given();
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return body == null ? spec : spec.contentType(ContentType.JSON).body(body);
    }

    private static RequestSpecification admin() {
        return given().header("Authorization", Accounts.admin());
    }

    private static io.restassured.response.ValidatableResponse postOrganisation(Map<String, Object> body) {
        return given().header("Authorization", Accounts.admin()).contentType(ContentType.JSON).body(body)
                .when().post("/api/admin/organisations").then();
    }
}
