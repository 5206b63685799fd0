package io.techbridge.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.techbridge.commons.idempotency.IdempotencyPurge;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A demand, an application to an open challenge or an import sent with an Idempotency-Key may be
 * repeated: the repeat answers the first answer and stores and publishes nothing more.
 */
@QuarkusTest
@RealServers
class IdempotencyKeyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEMANDS = "/api/demands";
    private static final String IMPORTS = "/api/demands/imports";

    @Inject
    OutboxRepository outbox;
    @Inject
    IdempotencyPurge purge;

    @Test
    void aDemandRepeatedWithTheSameKeyAndBodyIsPostedOnceWithOneEvent() {
        String organisation = Demands.newOrganisation();
        String token = TestTokens.enterprise(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Demands.validBody(organisation);

        Response first = post(token, key, body);
        Response repeat = post(token, key, body);

        assertEquals(201, first.statusCode());
        assertEquals(201, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertEquals("true", repeat.header("Idempotent-Replayed"));
        String id = first.path("id");
        assertEquals(List.of(id), Demands.idsOf(organisation, Map.of()));
        List<JsonNode> events = published("demand-events",
                e -> organisation.equals(e.path("payload").path("organisationId").asText()));
        assertEquals(List.of("DemandCreated"), events.stream().map(e -> e.get("type").asText()).toList());
        assertEquals(id, events.get(0).get("aggregateId").asText());
    }

    @Test
    void anApplicationRepeatedWithTheSameKeyIsSubmittedOnceWithOneEvent() {
        String challengeOwner = Demands.newOrganisation();
        String demand = Challenges.post(challengeOwner);
        String university = Challenges.university(Demands.newOrganisation(), "浙江测试大学");
        String key = UUID.randomUUID().toString();
        Map<String, Object> proposal = Challenges.proposal();

        Response first = apply(university, key, demand, proposal);
        // Without the key, a second application of the organisation would be refused (one live application each).
        Response repeat = apply(university, key, demand, proposal);

        assertEquals(201, first.statusCode());
        assertEquals(201, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        assertEquals("true", repeat.header("Idempotent-Replayed"));
        Challenges.list(demand, TestTokens.enterprise(challengeOwner)).statusCode(200)
                .body("id", equalTo(List.of(first.<String>path("id"))));
        List<JsonNode> events = published(Challenges.CHALLENGE_TOPIC,
                e -> demand.equals(e.path("payload").path("demandId").asText()));
        assertEquals(List.of("ChallengeApplicationSubmitted"), events.stream().map(e -> e.get("type").asText()).toList());

        proposal.put("priceCny", 1_500_000);
        apply(university, key, demand, proposal).then().statusCode(422)
                .body("type", equalTo("https://techbridge.io/problems/idempotency-key-reused"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWith422AndStoresNothingMore() {
        String organisation = Demands.newOrganisation();
        String token = TestTokens.enterprise(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Demands.validBody(organisation);
        String id = post(token, key, body).then().statusCode(201).extract().path("id");

        body.put("minTrl", 7);
        post(token, key, body).then().statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("Idempotency-Key"));
        assertEquals(List.of(id), Demands.idsOf(organisation, Map.of()));
    }

    @Test
    void differentCallersAndDifferentOperationsUseOneKeyIndependently() {
        String key = UUID.randomUUID().toString();
        String organisation = Demands.newOrganisation();
        String other = Demands.newOrganisation();
        // One caller: one token, whose subject is the caller.
        String token = TestTokens.enterprise(organisation);
        Map<String, Object> body = Demands.validBody(organisation);

        post(token, key, body).then().statusCode(201).header("Idempotent-Replayed", nullValue());
        post(TestTokens.enterprise(other), key, Demands.validBody(other)).then().statusCode(201)
                .header("Idempotent-Replayed", nullValue());
        // The same caller's key on another operation is another key.
        String job = upload(token, key, sheet("独立键")).then().statusCode(202).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        // And on the first operation it is still the first key.
        post(token, key, body).then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));

        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> Demands.as(token).get(IMPORTS + "/" + job)
                .then().statusCode(200).body("status", equalTo("DONE")));
        assertEquals(1 + 2, Demands.idsOf(organisation, Map.of()).size(), "the demand posted once and the two imported rows");
        assertEquals(1, Demands.idsOf(other, Map.of()).size());
    }

    @Test
    void anImportRepeatedWithTheSameKeyAndFileIsOneJobAndAnotherFileIsRefused() {
        String organisation = Demands.newOrganisation();
        String token = TestTokens.enterprise(organisation);
        String key = UUID.randomUUID().toString();
        byte[] file = sheet("幂等导入");

        Response first = upload(token, key, file);
        Response repeat = upload(token, key, file);
        assertEquals(202, first.statusCode());
        assertEquals(202, repeat.statusCode());
        assertEquals(first.body().asString(), repeat.body().asString());
        assertEquals(first.header("Location"), repeat.header("Location"));
        upload(token, key, sheet("另一个文件")).then().statusCode(422);

        String job = first.path("id");
        await().atMost(Duration.ofSeconds(120)).until(() -> "DONE".equals(Demands.as(token).get(IMPORTS + "/" + job)
                .then().statusCode(200).extract().path("status")));
        assertEquals(2, Demands.countOf(organisation));
        assertEquals(2, published("demand-events",
                e -> organisation.equals(e.path("payload").path("organisationId").asText())).size());
    }

    @Test
    void anExpiredKeyIsFreeForANewDemand() {
        String organisation = Demands.newOrganisation();
        String token = TestTokens.enterprise(organisation);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Demands.validBody(organisation);
        String first = post(token, key, body).then().statusCode(201).extract().path("id");

        assertTrue(purge.purgeExpired(Instant.now().plus(Duration.ofHours(25))) >= 1);

        String second = post(token, key, body).then().statusCode(201).header("Idempotent-Replayed", nullValue())
                .extract().path("id");
        assertNotEquals(first, second);
        assertEquals(2, Demands.countOf(organisation));
    }

    @Test
    void theApiDescriptionNamesTheHeaderOnCreatesApplicationsAndImportsOnly() {
        Demands.as(null).accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/demands'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/demands/imports'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/demands/{id}/applications'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/demands/{id}/award'.post.parameters.name", not(hasItem("Idempotency-Key")));
    }

    private static Response post(String token, String key, Map<String, Object> body) {
        return Demands.as(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(body)
                .queryParam("duplicates", "confirmed").post(DEMANDS);
    }

    private static Response apply(String token, String key, String demand, Map<String, Object> proposal) {
        return Demands.as(token).header("Idempotency-Key", key).contentType(ContentType.JSON).body(proposal)
                .post(DEMANDS + "/" + demand + "/applications");
    }

    private static Response upload(String token, String key, byte[] file) {
        return Demands.as(token).header("Idempotency-Key", key).contentType("text/csv").body(file)
                .queryParam("fileName", "企业技术需求登记表").queryParam("duplicates", "confirmed").post(IMPORTS);
    }

    /** A sheet of two good rows, titled after {@code title}. */
    private static byte[] sheet(String title) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return SheetFiles.csv(DemandImportSheets.HEADER, List.of(DemandImportSheets.goodRow(title + "甲-" + tag, 1),
                DemandImportSheets.goodRow(title + "乙-" + tag, 2)), StandardCharsets.UTF_8, true);
    }

    /**
     * The events on a topic that match, once everything in the outbox is published: read to the end
     * of the topic, so an event a second request had written would be among them.
     */
    private List<JsonNode> published(String topic, Predicate<JsonNode> matching) {
        await().atMost(Duration.ofSeconds(60)).until(() -> QuarkusTransaction.requiringNew().call(outbox::backlog) == 0);
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), topic)) {
            return reader.pollToEnd().stream().map(r -> {
                try {
                    return JSON.readTree(r.value());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).filter(matching).toList();
        }
    }
}
