package io.techbridge.achievement;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.ApiDescriptionRules;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The service's OpenAPI document is one a generated client can use (see {@link ApiDescriptionRules}). */
@QuarkusTest
@RealServers
class ApiDescriptionTest {

    @Test
    void everyOperationHasAnIdItsSuccessAnswerAndItsProblems() throws Exception {
        String document = given().accept("application/json").when().get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString();
        assertEquals(List.of(), ApiDescriptionRules.violations(new ObjectMapper().readTree(document)));
    }
}
