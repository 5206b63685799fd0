package io.techbridge.demand;

import io.techbridge.events.testing.PublishedEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasItem;

/**
 * Open challenges (揭榜挂帅) of the tests: a challenge whose applications close tomorrow (the test
 * clock then moves past it), proposals, and calls of the application endpoints.
 */
final class Challenges {

    /** How far the tests move the clock to be past the application deadline of {@link #post}. */
    static final Duration PAST_DEADLINE = Duration.ofDays(2);
    static final String CHALLENGE_TOPIC = "challenge-events";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Challenges() {
    }

    /** Posts a public challenge of a new enterprise organisation, taking applications through tomorrow; returns its id. */
    static String post(String enterprise) {
        Map<String, Object> body = Demands.withChallenge(Demands.validBody(enterprise));
        @SuppressWarnings("unchecked")
        Map<String, Object> challenge = (Map<String, Object>) body.get("challenge");
        challenge.put("applicationDeadline", Demands.inDays(1));
        challenge.put("judgingDeadline", Demands.inDays(30));
        return Demands.createdId(body);
    }

    /** A university token whose organisation has a display name (orgName), as the gateway issues them. */
    static String university(String organisationId, String organisationName) {
        Map<String, Object> claims = new LinkedHashMap<>();
        long now = Instant.now().getEpochSecond();
        claims.put("iss", TestTokens.ISSUER);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("upn", "university@" + organisationId);
        claims.put("groups", List.of("university"));
        claims.put("org", organisationId);
        claims.put("orgType", "UNIVERSITY");
        claims.put("orgName", organisationName);
        claims.put("name", "university of " + organisationId);
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        return TestTokens.sign(claims);
    }

    /** A valid proposal; tests change one member at a time. */
    static Map<String, Object> proposal() {
        Map<String, Object> body = new HashMap<>();
        body.put("approach", "基于深度学习的线阵相机表面瑕疵检测，结合多光源成像，边缘端实时推理。");
        body.put("team", "机器视觉课题组：教授1名、副教授2名、博士生4名");
        body.put("trlNow", 5);
        body.put("trlPromised", 7);
        List<Map<String, Object>> milestones = new ArrayList<>();
        milestones.add(new HashMap<>(Map.of("title", "实验室样机", "due", Demands.inDays(60))));
        milestones.add(new HashMap<>(Map.of("title", "产线试运行3个月", "due", Demands.inDays(150))));
        body.put("milestones", milestones);
        body.put("priceCny", 1800000);
        body.put("achievementIds", new ArrayList<>());
        return body;
    }

    static ValidatableResponse submit(String demandId, Map<String, Object> body, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/demands/" + demandId + "/applications").then();
    }

    static String submitted(String demandId, String token) {
        return submit(demandId, proposal(), token).statusCode(201).extract().path("id");
    }

    static ValidatableResponse update(String demandId, String applicationId, Map<String, Object> body, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(body)
                .when().put("/api/demands/" + demandId + "/applications/" + applicationId).then();
    }

    static ValidatableResponse withdraw(String demandId, String applicationId, long version, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(Map.of("version", version))
                .when().post("/api/demands/" + demandId + "/applications/" + applicationId + "/withdraw").then();
    }

    static ValidatableResponse get(String demandId, String applicationId, String token) {
        return Demands.as(token).when().get("/api/demands/" + demandId + "/applications/" + applicationId).then();
    }

    static ValidatableResponse list(String demandId, String token) {
        return Demands.as(token).when().get("/api/demands/" + demandId + "/applications").then();
    }

    static ValidatableResponse mine(String token) {
        return Demands.as(token).when().get("/api/demands/applications/mine").then();
    }

    static ValidatableResponse score(String demandId, String applicationId, Map<String, Object> body, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/demands/" + demandId + "/applications/" + applicationId + "/scores").then();
    }

    /** A score sheet of two indicators. */
    static Map<String, Object> sheet(int detection, int falseAlarms) {
        return Map.of("scores", List.of(
                Map.of("indicator", "漏检率", "score", detection, "comment", "样机数据可信"),
                Map.of("indicator", "误判率", "score", falseAlarms)),
                "note", "现场答辩后评分");
    }

    static ValidatableResponse shortlist(String demandId, String applicationId, boolean on, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(Map.of("shortlisted", on))
                .when().post("/api/demands/" + demandId + "/applications/" + applicationId + "/shortlist").then();
    }

    static ValidatableResponse award(String demandId, Map<String, Object> body, String token) {
        return Demands.as(token).contentType(ContentType.JSON).body(body)
                .when().post("/api/demands/" + demandId + "/award").then();
    }

    static Map<String, Object> awardTo(String winner) {
        return Map.of("winners", List.of(winner), "reason", "综合评分未进入前列，感谢参与");
    }

    /** A refusal: the status and problem type (the last segment of its URI). */
    static ValidatableResponse refused(ValidatableResponse response, int status, String type) {
        return response.statusCode(status).contentType("application/problem+json").body("type", endsWith("/" + type));
    }

    /** A 400 naming the field and the rule. */
    static ValidatableResponse invalid(ValidatableResponse response, String field, String rule) {
        return refused(response, 400, "validation")
                .body("violations", hasItem(allOf(hasEntry("field", field), hasEntry("rule", rule))));
    }

    /** Waits until the envelopes of one key on the topic, in topic order, satisfy {@code condition}; each is checked against its contract. */
    static List<JsonNode> awaitEnvelopes(String topic, String key, Predicate<List<JsonNode>> condition) {
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), topic)) {
            List<JsonNode> envelopes = new ArrayList<>();
            await().atMost(PATIENCE).pollInSameThread().pollInterval(Duration.ofMillis(100)).until(() -> {
                envelopes.clear();
                for (ConsumerRecord<String, String> record : reader.pollKey(key)) {
                    envelopes.add(JSON.readTree(record.value()));
                }
                return condition.test(envelopes);
            });
            envelopes.forEach(PublishedEvents::payloadOf);
            return envelopes;
        }
    }

    static List<String> types(List<JsonNode> envelopes) {
        return envelopes.stream().map(e -> e.path("type").asText()).toList();
    }
}
