package io.techbridge.matching;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import io.techbridge.events.DemandPayload;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks as a university's or an enterprise's system receives them: a real HTTP server on
 * localhost, signed deliveries of the events the organisation may see, retries, pausing and replay.
 */
@QuarkusTest
@RealServers
class WebhookTest {

    private static final Duration SOON = Duration.ofSeconds(60);

    private record Subscription(String id, String secret) {
    }

    @Test
    void anApprovedPairReachesBothPartiesSignedAndTheIntroductionOnlyTheEnterprise() throws Exception {
        String university = "org-hook-university-" + Events.newId();
        String enterprise = "org-hook-enterprise-" + Events.newId();
        String bystander = "org-hook-bystander-" + Events.newId();
        try (WebhookReceiver universitySystem = new WebhookReceiver();
                WebhookReceiver enterpriseSystem = new WebhookReceiver();
                WebhookReceiver bystanderSystem = new WebhookReceiver()) {
            Subscription ofUniversity = subscribe(TestTokens.university(university), universitySystem,
                    List.of("pair.approved", "import.finished"));
            Subscription ofEnterprise = subscribe(TestTokens.enterprise(enterprise), enterpriseSystem,
                    List.of("pair.approved", "introduction.waiting"));
            subscribe(TestTokens.university(bystander), bystanderSystem, List.of("pair.approved"));

            ObjectNode achievement = Events.achievement(Events.newId(), 1, "盾构机主轴承密封状态在线监测技术",
                    "通过声发射与油液颗粒计数在线监测盾构机主轴承密封磨损状态，提前两周预警密封失效。",
                    List.of("盾构机", "主轴承", "密封监测"), "08.04", 6);
            achievement.put("organisationId", university);
            ObjectNode demand = Events.demand(Events.newId(), 1, "盾构机主轴承密封失效预警",
                    "我们施工的盾构机主轴承密封多次失效，需要在线监测主轴承密封磨损状态、提前预警的技术。",
                    List.of("盾构机", "主轴承", "密封监测"), "08.04", 5);
            demand.put("organisationId", enterprise);
            String matchId = Api.proposedPair(achievement, demand);
            // A proposal is the broker's to review: nobody's system hears of it before the approval.
            Api.decide(matchId, Map.of("decision", "APPROVE")).statusCode(200);

            await().atMost(SOON).until(() -> universitySystem.of("pair.approved").size() == 1
                    && enterpriseSystem.of("pair.approved").size() == 1);
            WebhookReceiver.Received heard = universitySystem.of("pair.approved").getFirst();
            assertTrue(heard.signedWith(ofUniversity.secret()), "signed with the university's secret: " + heard);
            JsonNode body = Events.JSON.readTree(heard.body());
            assertEquals("pair.approved", body.get("type").asText());
            assertEquals(university, body.get("organisationId").asText());
            assertEquals(matchId, body.at("/data/matchId").asText());
            assertEquals(achievement.get("id").asText(), body.at("/data/achievementId").asText());
            assertEquals("APPROVED", body.at("/data/status").asText());
            WebhookReceiver.Received enterpriseHeard = enterpriseSystem.of("pair.approved").getFirst();
            assertTrue(enterpriseHeard.signedWith(ofEnterprise.secret()), enterpriseHeard.toString());
            assertTrue(!enterpriseHeard.signedWith(ofUniversity.secret()), "each subscription has its own secret");
            // The delivery header names the delivery in the enterprise's log.
            Api.as(TestTokens.enterprise(enterprise)).when().get("/api/webhooks/" + ofEnterprise.id() + "/deliveries").then()
                    .statusCode(200).body("items.id", hasItem(enterpriseHeard.delivery()))
                    .body("items[0].status", equalTo("DELIVERED")).body("items[0].lastStatus", equalTo(204));

            Api.move(matchId, Map.of("status", "INTRODUCED")).statusCode(200);
            await().atMost(SOON).until(() -> enterpriseSystem.of("introduction.waiting").size() == 1);
            assertEquals(matchId, Events.JSON.readTree(enterpriseSystem.of("introduction.waiting").getFirst().body())
                    .at("/data/matchId").asText());
            // A pair of other organisations is not the bystander's to hear of; nor is the introduction the university's.
            assertEquals(List.of(), bystanderSystem.received());
            assertEquals(1, universitySystem.received().size(), universitySystem.received().toString());
        }
    }

    @Test
    void aDeliveryTheReceiverRefusedIsTriedAgainAndTheLogShowsBothAttempts() {
        String university = "org-hook-retry-" + Events.newId();
        String token = TestTokens.university(university);
        try (WebhookReceiver system = new WebhookReceiver().answering(200, 500)) {
            Subscription subscription = subscribe(token, system, List.of("import.finished"));
            String deliveryId = Api.as(token).when().post("/api/webhooks/" + subscription.id() + "/ping").then()
                    .statusCode(202).body("status", equalTo("PENDING")).body("eventType", equalTo("ping"))
                    .extract().path("id");

            await().atMost(SOON).until(() -> system.received().size() == 2);
            List<WebhookReceiver.Received> both = system.received();
            assertEquals(both.get(0).body(), both.get(1).body(), "the same event, again");
            assertEquals(deliveryId, both.get(1).delivery());
            assertTrue(both.get(1).signedWith(subscription.secret()));
            await().atMost(SOON).untilAsserted(() -> Api.as(token).queryParam("status", "DELIVERED")
                    .when().get("/api/webhooks/" + subscription.id() + "/deliveries").then()
                    .body("items[0].id", equalTo(deliveryId)).body("items[0].attempts", equalTo(2))
                    .body("items[0].lastStatus", equalTo(200)).body("items[0].lastError", nullValue()));
            Api.as(token).when().get("/api/webhooks/" + subscription.id()).then()
                    .body("consecutiveFailures", equalTo(0)).body("status", equalTo("ACTIVE"));
        }
    }

    @Test
    void aReceiverThatKeepsFailingIsPausedAndResumingSendsWhatWaitedAndReplaysAFailedOne() {
        String enterprise = "org-hook-pause-" + Events.newId();
        String token = TestTokens.enterprise(enterprise);
        try (WebhookReceiver system = new WebhookReceiver().answering(503)) {
            Subscription subscription = subscribe(token, system, List.of("introduction.waiting"));
            String path = "/api/webhooks/" + subscription.id();
            // The tests' settings: 3 attempts per delivery, paused after 4 failed attempts in a row.
            String first = Api.as(token).when().post(path + "/ping").then().statusCode(202).extract().path("id");
            await().atMost(SOON).untilAsserted(() -> Api.as(token).when().get(path + "/deliveries").then()
                    .body("items[0].status", equalTo("FAILED")).body("items[0].attempts", equalTo(3))
                    .body("items[0].lastStatus", equalTo(503)));
            Api.as(token).when().post(path + "/ping").then().statusCode(202);
            await().atMost(SOON).untilAsserted(() -> Api.as(token).when().get(path).then()
                    .body("status", equalTo("PAUSED")).body("pauseCause", equalTo("FAILURES")).body("consecutiveFailures", equalTo(4))
                    .body("pausedReason", startsWith("4 attempts in a row failed; the last: HTTP 503"))
                    .body("pausedAt", notNullValue()));
            int triedWhenPaused = system.received().size();
            assertEquals(4, triedWhenPaused);
            String waiting = Api.as(token).when().post(path + "/ping").then().statusCode(202).extract().path("id");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> system.received().size() == triedWhenPaused);

            system.answering(200);
            Api.as(token).when().post(path + "/resume").then().statusCode(200).body("status", equalTo("ACTIVE"))
                    .body("consecutiveFailures", equalTo(0)).body("pauseCause", nullValue()).body("pausedReason", nullValue());
            await().atMost(SOON).until(() -> system.received().stream().anyMatch(r -> waiting.equals(r.delivery())));

            String replay = Api.as(token).when().post(path + "/deliveries/" + first + "/replay").then().statusCode(202)
                    .body("replayOf", equalTo(first)).body("status", equalTo("PENDING")).extract().path("id");
            await().atMost(SOON).until(() -> system.received().stream().anyMatch(r -> replay.equals(r.delivery())));
            String firstEvent = Api.as(token).when().get(path + "/deliveries?status=FAILED").then()
                    .body("items.id", hasItem(first)).extract().path("items.find { it.id == '" + first + "' }.eventId");
            await().atMost(SOON).untilAsserted(() -> Api.as(token).when().get(path + "/deliveries?status=DELIVERED").then()
                    .body("items.find { it.id == '" + replay + "' }.eventId", equalTo(firstEvent)));
        }
    }

    @Test
    void aFinishedImportAndAChallengesNewPhaseReachTheOrganisationsConcerned() throws Exception {
        String university = "org-hook-import-" + Events.newId();
        String enterprise = "org-hook-challenge-" + Events.newId();
        try (WebhookReceiver universitySystem = new WebhookReceiver(); WebhookReceiver enterpriseSystem = new WebhookReceiver()) {
            subscribe(TestTokens.university(university), universitySystem,
                    List.of("import.finished", "challenge.phase-changed"));
            subscribe(TestTokens.enterprise(enterprise), enterpriseSystem, List.of("challenge.phase-changed"));

            String jobId = Events.newId();
            ObjectNode job = Events.JSON.createObjectNode().put("id", jobId).put("version", 1)
                    .put("listingType", "ACHIEVEMENT").put("organisationId", university).put("status", "DONE")
                    .put("rowsImported", 41).put("rowsFailed", 2).put("createdAt", Instant.now().toString())
                    .put("finishedAt", Instant.now().toString());
            // A message no one can read on the same topic is set aside; the stream goes on to the next.
            Events.publishRaw("import-events", jobId, "{not json");
            Events.publish("import-events", "ImportJob", "ImportJobFinished", job);
            await().atMost(SOON).until(() -> universitySystem.of("import.finished").size() == 1);
            // Same key, same partition: the poison was set aside before the event behind it was read.
            try (TopicReader deadLetters = new TopicReader(TestServers.get().kafkaBootstrapServers(), "import-events.dlq")) {
                await().atMost(SOON).until(() -> deadLetters.pollKey(jobId).stream().anyMatch(r -> r.value().equals("{not json")));
            }
            JsonNode imported = Events.JSON.readTree(universitySystem.of("import.finished").getFirst().body());
            assertEquals(jobId, imported.at("/data/jobId").asText());
            assertEquals(41, imported.at("/data/rowsImported").asInt());
            assertEquals(2, imported.at("/data/rowsFailed").asInt());

            // The enterprise's challenge, applied to by the university, is awarded: both hear of the new phase.
            ObjectNode demand = challenge(Events.newId(), 1, enterprise, "APPLYING");
            String demandId = demand.get("id").asText();
            Events.publish("demand-events", "Demand", "DemandCreated", demand);
            Events.publish("challenge-events", "ChallengeApplication", "ChallengeApplicationSubmitted",
                    Events.JSON.createObjectNode().put("id", Events.newId()).put("version", 1).put("demandId", demandId)
                            .put("organisationId", university).put("status", "SUBMITTED"));
            // The application and the award travel on different topics: the award follows once the application is read.
            awaitWebhooksRead("challenge-events");
            Events.publish("demand-events", "Demand", "ChallengeAwarded", challenge(demandId, 2, enterprise, "AWARDED"));

            await().atMost(SOON).until(() -> enterpriseSystem.of("challenge.phase-changed").size() == 1
                    && universitySystem.of("challenge.phase-changed").size() == 1);
            JsonNode told = Events.JSON.readTree(universitySystem.of("challenge.phase-changed").getFirst().body());
            assertEquals(demandId, told.at("/data/demandId").asText());
            assertEquals("APPLYING", told.at("/data/previousPhase").asText());
            assertEquals("AWARDED", told.at("/data/phase").asText());
            // Read again (a second consumer of the same version), it is told no second time.
            Events.publish("demand-events", "Demand", "ChallengeAwarded", challenge(demandId, 2, enterprise, "AWARDED"));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> enterpriseSystem.of("challenge.phase-changed").size() == 1);
        }
    }

    @Test
    void onlyTheOwnerAndAdminsSeeOrChangeASubscriptionAndBadInputIsNamed() {
        String university = "org-hook-owner-" + Events.newId();
        String token = TestTokens.university(university);
        try (WebhookReceiver system = new WebhookReceiver()) {
            Subscription subscription = subscribe(token, system, List.of("pair.approved"));
            String path = "/api/webhooks/" + subscription.id();

            Api.as(TestTokens.university("org-hook-other-" + Events.newId())).when().get(path).then().statusCode(404);
            Api.as(TestTokens.university("org-hook-other-" + Events.newId())).when().delete(path).then().statusCode(404);
            Api.as(TestTokens.broker()).when().post(path + "/pause").then().statusCode(403);
            Api.as(null).when().get("/api/webhooks").then().statusCode(401);
            Api.asAdmin().queryParam("organisationId", university).when().get("/api/webhooks").then().statusCode(200)
                    .body("items.id", equalTo(List.of(subscription.id()))).body("items[0].secret", nullValue());
            Api.as(token).when().get("/api/webhooks").then().statusCode(200)
                    .body("items.id", equalTo(List.of(subscription.id())));

            Api.post(token, "/api/webhooks", Map.of("url", "ftp://example.org/x", "events", List.of("pair.approved")))
                    .statusCode(400).contentType("application/problem+json").body("violations[0].field", equalTo("url"));
            Api.post(token, "/api/webhooks", Map.of("url", system.url(), "events", List.of("pair.approved", "introduction.waiting")))
                    .statusCode(400).body("violations[0].field", equalTo("events[1]"));
            Api.post(token, "/api/webhooks", Map.of("url", system.url(), "events", List.of()))
                    .statusCode(400).body("violations[0].field", equalTo("events"));
            Api.post(TestTokens.broker(), "/api/webhooks", Map.of("url", system.url(), "events", List.of("pair.approved")))
                    .statusCode(403);
            Api.as(token).queryParam("status", "LOST").when().get(path + "/deliveries").then().statusCode(400)
                    .body("violations[0].field", equalTo("status"));

            Api.as(token).when().delete(path).then().statusCode(204);
            Api.as(token).when().get(path).then().statusCode(404);
            Api.as(token).when().get("/api/webhooks").then().body("items.id", not(hasItem(subscription.id())));
        }
    }

    /** Until the webhook consumers have committed everything on the topic. */
    private static void awaitWebhooksRead(String topic) throws Exception {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestServers.get().kafkaBootstrapServers()))) {
            await().atMost(SOON).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin
                        .listConsumerGroupOffsets("matching-service-webhooks").partitionsToOffsetAndMetadata().get();
                var partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                partitions.forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get();
                return ends.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || committed.containsKey(e.getKey()) && committed.get(e.getKey()).offset() >= e.getValue().offset());
            });
        }
    }

    private static Subscription subscribe(String token, WebhookReceiver receiver, List<String> events) {
        var created = Api.as(token).contentType(ContentType.JSON)
                .body(Map.of("url", receiver.url(), "events", events, "description", "research-management system"))
                .when().post("/api/webhooks").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("events", equalTo(events)).body("secret", startsWith("whsec_"))
                .extract();
        assertEquals("/api/webhooks/" + created.path("id"), created.header("Location"));
        return new Subscription(created.path("id"), created.path("secret"));
    }

    /** A challenge demand of this organisation as demand-service publishes it, in this phase. */
    private static ObjectNode challenge(String id, long version, String organisationId, String phase) {
        ObjectNode demand = Events.demand(id, version, "高速列车制动盘表面裂纹自动检测", "需要自动检测高速列车制动盘表面热裂纹的技术。",
                List.of("制动盘", "裂纹检测"), "08.04", 5);
        demand.put("organisationId", organisationId);
        demand.set("challenge", Events.JSON.valueToTree(new DemandPayload.Challenge("自动检测制动盘裂纹", "检出率≥99%", 500000L,
                LocalDate.now().plusDays(30), LocalDate.now().plusDays(60), phase, 1, List.of(), null, null, null)));
        return demand;
    }
}
