package io.techbridge.demand;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.deploy.local.testing.TopicReader;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A challenge application may cite only the applying organisation's published achievements, as the
 * demand library learns them from achievement-events: never another organisation's, nor a draft or
 * withdrawn one, nor one it has never heard of, and the refusal reads the same for all of them.
 */
@QuarkusTest
@RealServers
class ApplicationAchievementsTest {

    private static final String RULE = "OwnPublishedAchievement";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    AgroalDataSource dataSource;

    @Test
    void applicationCitesOnlyItsOrganisationsPublishedAchievements() {
        String university = Demands.newOrganisation();
        String published = AchievementTopic.published(dataSource, university, "PUBLISHED");
        String draft = AchievementTopic.published(dataSource, university, "DRAFT");
        String othersPublished = AchievementTopic.published(dataSource, Demands.newOrganisation(), "PUBLISHED");
        String withdrawn = UUID.randomUUID().toString();
        AchievementTopic.send(withdrawn, AchievementTopic.envelope(withdrawn, 1, university, "PUBLISHED"),
                AchievementTopic.envelope(withdrawn, 2, university, "WITHDRAWN"));
        AchievementTopic.awaitKnown(dataSource, withdrawn, 2);
        String unknown = UUID.randomUUID().toString();

        String enterprise = Demands.newOrganisation();
        String demand = Challenges.post(enterprise);
        String token = TestTokens.university(university);

        Set<String> messages = new HashSet<>();
        for (String cited : List.of(othersPublished, draft, withdrawn, unknown)) {
            messages.add(Challenges.invalid(Challenges.submit(demand, citing(cited), token), "achievementIds[0]", RULE)
                    .body("violations", hasSize(1)).extract().path("violations[0].message"));
        }
        assertEquals(1, messages.size(), "the refusal must not tell which kind of record an id is: " + messages);
        Challenges.invalid(Challenges.submit(demand, citing(published, othersPublished, draft), token),
                        "achievementIds[1]", RULE)
                .body("violations.field", equalTo(List.of("achievementIds[1]", "achievementIds[2]")));
        Challenges.list(demand, TestTokens.enterprise(enterprise)).statusCode(200).body("", hasSize(0));

        String application = Challenges.submit(demand, citing(published), token).statusCode(201)
                .body("achievementIds", equalTo(List.of(published))).extract().path("id");
        // An edit is held to the same rule.
        Map<String, Object> edit = citing(published, othersPublished);
        edit.put("version", 1);
        Challenges.invalid(Challenges.update(demand, application, edit, token), "achievementIds[1]", RULE);
        Challenges.get(demand, application, token).statusCode(200).body("version", equalTo(1))
                .body("achievementIds", equalTo(List.of(published)));
    }

    @Test
    void anOlderVersionOfAnAchievementArrivingLateChangesNothing() {
        String university = Demands.newOrganisation();
        String achievement = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        // One key, one partition: once the marker is known, the versions before it were applied.
        AchievementTopic.send(achievement, AchievementTopic.envelope(achievement, 2, university, "WITHDRAWN"),
                AchievementTopic.envelope(achievement, 1, university, "PUBLISHED"),
                AchievementTopic.envelope(marker, 1, university, "PUBLISHED"));
        AchievementTopic.awaitKnown(dataSource, marker, 1);
        assertEquals(new AchievementTopic.Known(university, "WITHDRAWN", 2),
                AchievementTopic.known(dataSource, achievement).orElseThrow());

        String demand = Challenges.post(Demands.newOrganisation());
        Challenges.invalid(Challenges.submit(demand, citing(achievement), TestTokens.university(university)),
                "achievementIds[0]", RULE);
    }

    @Test
    void anUnreadableAchievementEventIsSetAsideWithTheReasonAndTheStreamGoesOn() {
        String university = Demands.newOrganisation();
        String key = UUID.randomUUID().toString();
        String noOrganisation = AchievementTopic.envelope(UUID.randomUUID().toString(), 1, university, "PUBLISHED")
                .replace("\"organisationId\":\"" + university + "\",", "");
        String next = UUID.randomUUID().toString();
        AchievementTopic.send(key, "{not json", noOrganisation, AchievementTopic.envelope(next, 1, university, "PUBLISHED"));
        AchievementTopic.awaitKnown(dataSource, next, 1);

        // The dead letters were sent (and acknowledged) before the message after them was applied.
        try (TopicReader reader = new TopicReader(TestServers.get().kafkaBootstrapServers(), "achievement-events.dlq")) {
            List<ConsumerRecord<String, String>> dead = await().atMost(PATIENCE)
                    .until(() -> reader.pollKey(key), records -> records.size() >= 2);
            assertEquals(2, dead.size());
            assertEquals("{not json", dead.get(0).value());
            assertTrue(header(dead.get(0), "dead-letter-reason").startsWith("not JSON"), header(dead.get(0),
                    "dead-letter-reason"));
            assertEquals("achievement-events", header(dead.get(0), "dead-letter-topic"));
            assertEquals("payload.organisationId is missing or not an organisation id",
                    header(dead.get(1), "dead-letter-reason"));
        }
        String demand = Challenges.post(Demands.newOrganisation());
        Challenges.submit(demand, citing(next), TestTokens.university(university)).statusCode(201)
                .body("achievementIds", equalTo(List.of(next)));
    }

    private static Map<String, Object> citing(String... achievementIds) {
        Map<String, Object> proposal = Challenges.proposal();
        proposal.put("achievementIds", new ArrayList<>(List.of(achievementIds)));
        return proposal;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }
}
