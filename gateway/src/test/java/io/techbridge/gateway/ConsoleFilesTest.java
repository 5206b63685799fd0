package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The console's files after a release: a browser asks again instead of running yesterday's script
 * (their names carry no version), and gets them compressed; the API keeps its own caching.
 */
@QuarkusTest
@GatewayServers
@TestProfile(RoutedProfile.class)
class ConsoleFilesTest {

    @ParameterizedTest
    @ValueSource(strings = {"/", "/index.html", "/js/app.js", "/js/views/webhooks.js", "/css/console.css"})
    void aConsoleFileIsRevalidatedEachTimeAndSentCompressed(String path) {
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "gzip")
                .when().get(path).then().statusCode(200)
                .header("Cache-Control", equalTo("no-cache"))
                .header("Content-Encoding", equalTo("gzip"));
    }

    @Test
    void aBrowserThatTakesNoCompressionGetsThePlainFile() {
        given().config(RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()))
                .header("Accept-Encoding", "identity").when().get("/js/app.js").then().statusCode(200)
                .header("Content-Encoding", nullValue())
                .header("Cache-Control", not(containsString("immutable")));
    }

    @Test
    void theApiKeepsItsOwnCaching() {
        given().header("Accept-Encoding", "gzip").when().get("/api/regions").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=86400"));
    }

    @Test
    void aBrowserThatAsksForAnAddressThatIsNoPageGetsAPageSayingSo() {
        given().header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .when().get("/no-such-page").then().statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("页面不存在"))
                .body(containsString("href=\"/\""));
    }

    @Test
    void aProgramAndAnythingUnderTheApiStillGetAProblem() {
        given().header("Accept", "application/json").when().get("/no-such-page").then().statusCode(404)
                .contentType(equalTo("application/problem+json"));
        given().header("Accept", "text/html").when().get("/api/no-such-thing").then().statusCode(404)
                .contentType(equalTo("application/problem+json"));
    }
}
