package io.techbridge.achievement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.techbridge.commons.idempotency.IdempotencyPurge;
import io.techbridge.commons.idempotency.IdempotencyStore;
import io.techbridge.commons.outbox.OutboxRepository;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.listing.testing.SheetFiles;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A registration or an import sent with an Idempotency-Key may be repeated (after a timeout, a
 * broken connection): the repeat answers the first answer and stores and publishes nothing more.
 */
@QuarkusTest
@RealServers
class IdempotencyKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ACHIEVEMENTS = "/api/achievements";
    private static final String IMPORTS = "/api/achievements/imports";

    @Inject
    OutboxRepository outbox;
    @Inject
    IdempotencyPurge purge;
    @Inject
    IdempotencyStore store;

    @Test
    void aRepeatWithTheSameKeyAndBodyAnswersTheFirstAnswerAndStoresOneAchievementWithOneEvent() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Achievements.validBody(organisation);

        Response first = create(token, key, body);
        Response repeat = create(token, key, body);

        assertEquals(201, first.statusCode());
        String id = first.path("id");
        assertEquals(201, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertTrue(first.header("Location").endsWith(ACHIEVEMENTS + "/" + id), first.header("Location"));
        assertEquals(first.contentType(), repeat.contentType());
        assertEquals(null, first.header("Idempotent-Replayed"));
        assertEquals("true", repeat.header("Idempotent-Replayed"));

        assertEquals(List.of(id), idsOf(organisation));
        List<JsonNode> events = publishedEventsOf(organisation);
        assertEquals(1, events.size(), "events of " + organisation + ": " + events);
        assertEquals("AchievementCreated", events.get(0).get("type").asText());
        assertEquals(id, events.get(0).get("aggregateId").asText());
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndStoresNothingMore() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Achievements.validBody(organisation);
        String id = create(token, key, body).then().statusCode(201).extract().path("id");

        body.put("title", "另一项成果：高导热石墨烯复合散热膜");
        create(token, key, body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://techbridge.io/problems/idempotency-key-reused"))
                .body("violations[0].field", equalTo("Idempotency-Key"))
                .body("violations[0].in", equalTo("header"))
                .body("context.firstUsedAt", notNullValue());
        // The query is part of the request too.
        Achievements.as(token).header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Achievements.validBody(organisation)).post(ACHIEVEMENTS)
                .then().statusCode(422);

        assertEquals(List.of(id), idsOf(organisation));
    }

    @Test
    void differentCallersMayUseTheSameKeyIndependently() {
        String key = "order-" + UUID.randomUUID();
        String organisation = Achievements.newOrganisation();
        String otherOrganisation = Achievements.newOrganisation();
        String colleague = TestTokens.university(organisation);

        String mine = create(TestTokens.university(organisation), key, Achievements.validBody(organisation))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        String colleagues = create(colleague, key, Achievements.validBody(organisation))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        String others = create(TestTokens.university(otherOrganisation), key, Achievements.validBody(otherOrganisation))
                .then().statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");

        assertNotEquals(mine, colleagues);
        assertEquals(2, idsOf(organisation).size());
        assertEquals(List.of(others), idsOf(otherOrganisation));
    }

    @Test
    void withoutAKeyEveryRequestIsNewAsBefore() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        Map<String, Object> body = Achievements.validBody(organisation);

        String first = Achievements.create(body, token).statusCode(201).extract().path("id");
        String second = Achievements.create(body, token).statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");

        assertNotEquals(first, second);
        assertEquals(2, idsOf(organisation).size());
    }

    @Test
    void anExpiredKeyIsFreeForANewRequest() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Achievements.validBody(organisation);
        String first = create(token, key, body).then().statusCode(201).extract().path("id");
        create(token, key, body).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(first));

        // A day and more later the purge has deleted the key (kept at least 24 h).
        assertTrue(purge.purgeExpired(Instant.now().plus(Duration.ofHours(25))) >= 1);

        String second = create(token, key, body).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertNotEquals(first, second);
        assertEquals(2, idsOf(organisation).size());
    }

    @Test
    void aRefusedRequestDoesNotUseUpItsKey() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> invalid = Achievements.validBody(organisation);
        invalid.put("trl", 12);
        create(token, key, invalid).then().statusCode(400);
        // Another organisation's record: 403, nothing kept either.
        create(token, key, Achievements.validBody(Achievements.newOrganisation())).then().statusCode(403);

        String id = create(token, key, Achievements.validBody(organisation)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue()).extract().path("id");
        assertEquals(List.of(id), idsOf(organisation));
    }

    @Test
    void aMalformedKeyIsRefusedNamingTheHeaderBeforeAnythingIsStored() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        for (String key : new String[] {"two words", "x".repeat(129), "", "a,b", "quote\"d"}) {
            create(token, key, Achievements.validBody(organisation)).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("Idempotency-Key"))
                    .body("violations[0].in", equalTo("header"));
        }
        Achievements.as(token).header("Idempotency-Key", "a").header("Idempotency-Key", "b")
                .contentType(ContentType.JSON).body(Achievements.validBody(organisation))
                .queryParam("duplicates", "confirmed").post(ACHIEVEMENTS)
                .then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
        assertEquals(List.of(), idsOf(organisation));

        // The IETF draft's quoted form is the same key as the bare one.
        String key = UUID.randomUUID().toString();
        String id = create(token, "\"" + key + "\"", Achievements.validBody(organisation)).then().statusCode(201)
                .extract().path("id");
        create(token, key, Achievements.validBody(organisation)).then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(id));
    }

    @Test
    void aRepeatWhileTheFirstIsStillWorkedOnGets409AndStoresNothing() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        String key = UUID.randomUUID().toString();
        byte[] scope = IdempotencyStore.scopeOf(new IdempotencyStore.CallerScope(claim(token, "sub"), organisation),
                "POST", ACHIEVEMENTS, key);

        // The first request holds the key's lock until its transaction ends.
        QuarkusTransaction.requiringNew().run(() -> {
            assertTrue(store.tryLock(scope));
            create(token, key, Achievements.validBody(organisation)).then().statusCode(409)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("type", equalTo("https://techbridge.io/problems/idempotency-key-in-progress"));
        });

        assertEquals(List.of(), idsOf(organisation));
        create(token, key, Achievements.validBody(organisation)).then().statusCode(201);
    }

    @Test
    void anImportRepeatedWithTheSameKeyAndFileStartsOneJobAndAnotherFileIsRefused() {
        String organisation = Achievements.newOrganisation();
        String token = TestTokens.university(organisation);
        String key = UUID.randomUUID().toString();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        byte[] file = SheetFiles.csv(ImportSheets.HEADER, List.of(ImportSheets.goodRow("幂等导入甲-" + tag, 1),
                ImportSheets.goodRow("幂等导入乙-" + tag, 2)), StandardCharsets.UTF_8, true);

        Response first = upload(token, key, file);
        Response repeat = upload(token, key, file);
        assertEquals(202, first.statusCode());
        assertEquals(202, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertEquals("true", repeat.header("Idempotent-Replayed"));

        byte[] other = SheetFiles.csv(ImportSheets.HEADER, List.of(ImportSheets.goodRow("幂等导入丙-" + tag, 3)),
                StandardCharsets.UTF_8, true);
        upload(token, key, other).then().statusCode(422)
                .body("type", equalTo("https://techbridge.io/problems/idempotency-key-reused"));

        String job = first.path("id");
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(Achievements.as(token).get(IMPORTS + "/" + job)
                .then().statusCode(200).extract().path("status")));
        assertEquals(2, idsOf(organisation).size());
        assertEquals(2, publishedEventsOf(organisation).size());
    }

    @Test
    void theApiDescriptionNamesTheHeaderOnCreatesAndImportsOnly() {
        Achievements.as(null).accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/achievements'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/achievements'.post.responses", org.hamcrest.Matchers.hasKey("422"))
                .body("paths.'/api/achievements/imports'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/achievements/{id}'.put.parameters.name", not(hasItem("Idempotency-Key")))
                .body("paths.'/api/achievements/{id}/withdraw'.post.parameters.name", not(hasItem("Idempotency-Key")));
    }

    private static Response create(String token, String key, Map<String, Object> body) {
        return Achievements.as(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .queryParam("duplicates", "confirmed").post(ACHIEVEMENTS);
    }

    private static Response upload(String token, String key, byte[] file) {
        return Achievements.as(token).header("Idempotency-Key", key).contentType("text/csv").body(file)
                .queryParam("fileName", "科技成果登记表").queryParam("duplicates", "confirmed").post(IMPORTS);
    }

    private static List<String> idsOf(String organisation) {
        return Achievements.asOwner(organisation).queryParam("organisationId", organisation).queryParam("size", 50)
                .get(ACHIEVEMENTS).then().statusCode(200).extract().path("items.id");
    }

    /**
     * The organisation's events on achievement-events, once everything in the outbox is published:
     * read to the end of the topic, so an event a second create had written would be among them.
     */
    private List<JsonNode> publishedEventsOf(String organisation) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(outbox::backlog) == 0);
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events")) {
            return reader.pollToEnd().stream().map(r -> {
                try {
                    return JSON.readTree(r.value());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(e -> organisation.equals(e.path("payload").path("organisationId").asText())).toList();
        }
    }

    private static String claim(String token, String name) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1])).get(name).asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
