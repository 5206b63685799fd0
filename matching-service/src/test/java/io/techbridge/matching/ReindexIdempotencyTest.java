package io.techbridge.matching;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.techbridge.deploy.local.testing.TestTokens;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reindex started with an Idempotency-Key may be asked for again: the repeat answers the start, it starts nothing. */
@QuarkusTest
@RealServers
class ReindexIdempotencyTest {

    private static final String REINDEX = "/api/admin/reindex";

    @Test
    void aStartRepeatedWithTheSameKeyAnswersTheFirstStartAndStartsNoSecondReindex() {
        String admin = TestTokens.admin();
        String key = UUID.randomUUID().toString();

        Response first = start(admin, key);
        // Without the key: 409 while the first runs, or a second rebuild once it is done.
        Response repeat = start(admin, key);

        assertEquals(202, first.statusCode(), first.body().asString());
        assertEquals("RUNNING", first.path("state"));
        assertEquals(202, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertEquals("true", repeat.header("Idempotent-Replayed"));

        await().atMost(Duration.ofMinutes(5)).untilAsserted(() -> Api.asAdmin().when().get(REINDEX).then()
                .statusCode(200).body("state", equalTo("DONE")));
        start(admin, key).then().statusCode(202).body(equalTo(first.body().asString()));
        // Still the first rebuild: same start, same new indexes.
        Api.asAdmin().when().get(REINDEX).then().statusCode(200).body("state", equalTo("DONE"))
                .body("startedAt", equalTo(first.path("startedAt")))
                .body("newIndexes", equalTo(first.path("newIndexes")));

        Api.as(admin).header("Idempotency-Key", key).queryParam("scope", "all").when().post(REINDEX).then()
                .statusCode(422).body("type", equalTo("https://techbridge.io/problems/idempotency-key-reused"));
    }

    @Test
    void theApiDescriptionNamesTheHeaderOnTheReindexStart() {
        Api.as(null).accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/admin/reindex'.post.parameters.name", hasItem("Idempotency-Key"));
    }

    private static Response start(String token, String key) {
        return Api.as(token).header("Idempotency-Key", key).when().post(REINDEX);
    }
}
