package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** {@code GET /api/regions}: answered by the gateway itself (never a service), public and cacheable. */
@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class RegionsTest {

    @Test
    void everyProvinceAndCityCodeHasItsNameWithoutLogin() {
        given().when().get("/api/regions").then().statusCode(200)
                .contentType(startsWith("application/json"))
                .header("X-Upstream", nullValue())
                .body("service", nullValue())
                .body("'330000'", equalTo("浙江省"))
                .body("'330100'", equalTo("杭州市"))
                .body("'130100'", equalTo("石家庄市"))
                .body("'110000'", equalTo("北京市"))
                .body("$", not(hasKey("330106")));
    }

    @Test
    void aTokenIsAcceptedButNotNeeded() {
        given().header("Authorization", TestTokens.bearer(TestTokens.enterprise("org-huarui-pharma")))
                .when().get("/api/regions").then().statusCode(200).body("'310000'", equalTo("上海市"));
    }

    @Test
    void theAnswerIsCacheableAndRevalidatedByItsETag() {
        String etag = given().when().get("/api/regions").then().statusCode(200)
                .header("Cache-Control", containsString("public"))
                .header("Cache-Control", containsString("max-age=86400"))
                .header("ETag", not(emptyOrNullString()))
                .extract().header("ETag");
        given().header("If-None-Match", etag).when().get("/api/regions").then().statusCode(304)
                .header("ETag", equalTo(etag))
                .header("Cache-Control", containsString("max-age=86400"));
        given().header("If-None-Match", "\"something-else\"").when().get("/api/regions").then().statusCode(200);
    }

    @Test
    void theMergedDocumentDescribesIt() {
        given().when().get("/openapi").then().statusCode(200)
                .body("paths", hasKey("/api/regions"))
                .body("paths.'/api/regions'.get.responses", hasKey("200"))
                .body("tags.name", org.hamcrest.Matchers.hasItem("Regions"));
    }
}
