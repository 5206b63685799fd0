package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class OpenApiAndOperationsTest {

    @Test
    void theConsoleAndTheApiAreServedWithHeadersAgainstFramingSniffingAndForeignScripts() {
        for (String path : java.util.List.of("/", "/js/app.js", "/api/regions", "/openapi")) {
            given().when().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", org.hamcrest.Matchers.not(containsString("unsafe-inline")));
        }
    }

    @Test
    void operationsPagesAreNotOnThePublicPort() {
        for (String path : List.of("/q/metrics", "/q/openapi", "/q/swagger-ui/", "/q/swagger-ui/index.html",
                "/q/health", "/q/health/ready")) {
            given().when().get(path).then().statusCode(404);
            Management.given().when().get(path).then().statusCode(200);
        }
    }

    @Test
    void theMergedDocumentHasTheGatewaysAndEveryServicesPaths() {
        given().when().get("/openapi").then().statusCode(200)
                .body("info.title", equalTo("TechBridge API"))
                .body("paths", hasKey("/api/auth/login"))
                .body("paths", hasKey("/api/admin/users"))
                .body("paths", hasKey("/api/achievements/{id}"))
                .body("paths", hasKey("/api/demands/{id}"))
                .body("paths", hasKey("/api/matches/{id}"))
                .body("paths", not(hasKey("/api/not-routed-demand")))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body("'x-unavailable-services'", equalTo(List.of()))
                .body("tags.name", hasItems("Authentication", "Organisations and accounts", "achievement", "demand", "matching"));
    }

    @Test
    void theGatewaysOwnOperationsHaveIdsSuccessAnswersAndProblems() throws Exception {
        String document = Management.given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(List.of(), io.techbridge.deploy.local.testing.ApiDescriptionRules
                .violations(new com.fasterxml.jackson.databind.ObjectMapper().readTree(document)));
    }

    @Test
    void theMergedDocumentNamesItsServerAndTheLimitsOnEveryOperation() {
        given().when().get("/openapi").then().statusCode(200)
                .body("servers[0].url", org.hamcrest.Matchers.startsWith("http://localhost:"))
                .body("paths.'/api/auth/login'.post.responses", hasKey("429"))
                .body("paths.'/api/achievements/{id}'.get.responses", hasKey("429"))
                .body("components.schemas.Problem.properties", hasKey("violations"));
    }

    @Test
    void clashingSchemaNamesArePrefixedAndTheirReferencesFollow() {
        String ref = "paths.'/api/demands/{id}'.get.responses.'200'.content.'application/json'.schema.'$ref'";
        String demandSchema = given().when().get("/openapi").then().statusCode(200)
                .body("components.schemas.Page.properties", hasKey("achievementId"))
                .body("components.schemas.DemandService_Page.properties", hasKey("demandId"))
                .body("components.schemas.MatchingService_Page.properties", hasKey("matchingId"))
                .extract().path(ref);
        org.junit.jupiter.api.Assertions.assertEquals("#/components/schemas/DemandService_Page", demandSchema);
    }

    @Test
    void readinessIncludesTheDatabase() {
        Management.given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void metricsArePrometheusText() {
        Management.given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("http_server_requests_seconds"));
    }
}
