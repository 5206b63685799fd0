package io.techbridge.demand;

import io.techbridge.events.testing.PublishedEvents;
import io.techbridge.events.DemandPayload;
import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An open challenge (揭榜挂帅) from the first application to the award: universities apply, edit,
 * withdraw and apply again until the deadline; then the enterprise and a broker score and
 * shortlist, the broker picks the winner, and everyone concerned learns the outcome. Every step is
 * an event: applications on challenge-events, the award on demand-events.
 */
@QuarkusTest
@RealServers
class ChallengeLifecycleTest {

    @Inject
    MovableDemandClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    @Test
    void challengeRunsFromApplicationsThroughJudgingToTheAwardWithEveryStepPublished() {
        String enterprise = Demands.newOrganisation();
        String demand = Challenges.post(enterprise);
        String owner = TestTokens.enterprise(enterprise);
        String broker = TestTokens.broker();
        String zju = Challenges.university(Demands.newOrganisation(), "浙江大学");
        String nbu = Challenges.university(Demands.newOrganisation(), "宁波大学");
        String cas = Challenges.university(Demands.newOrganisation(), "中科院宁波材料所");

        Demands.get(demand, null).statusCode(200).body("challenge.phase", equalTo("APPLYING"))
                .body("challenge.applicationCount", equalTo(0)).body("challenge.winners", hasSize(0));

        // Applying: submit, edit, withdraw and apply again until the deadline.
        Map<String, Object> proposal = Challenges.proposal();
        var submitted = Challenges.submit(demand, proposal, zju).statusCode(201)
                .body("demandId", equalTo(demand)).body("organisationName", equalTo("浙江大学"))
                .body("status", equalTo("SUBMITTED")).body("version", equalTo(1)).body("trlPromised", equalTo(7))
                .body("milestones[1].due", equalTo(Demands.inDays(150))).body("scores", hasSize(0))
                .body("shortlisted", equalTo(false)).body("outcomeReason", nullValue());
        String winner = submitted.extract().path("id");
        submitted.header("Location", endsWith("/api/demands/" + demand + "/applications/" + winner));
        proposal.put("version", 1);
        proposal.put("approach", "线阵相机+多光源成像，缺陷分割模型在边缘端推理，支持8类瑕疵分级。");
        Challenges.update(demand, winner, proposal, zju).statusCode(200)
                .body("version", equalTo(2)).body("approach", equalTo(proposal.get("approach")));

        String withdrawn = Challenges.submitted(demand, nbu);
        Challenges.withdraw(demand, withdrawn, 1, nbu).statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
        String second = Challenges.submitted(demand, nbu);
        String third = Challenges.submitted(demand, cas);

        Demands.get(demand, null).body("challenge.applicationCount", equalTo(3));
        Challenges.list(demand, owner).statusCode(200).body("id", contains(winner, withdrawn, second, third));
        Challenges.list(demand, nbu).statusCode(200).body("id", contains(withdrawn, second));

        // The deadline passes: judging.
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Demands.get(demand, null).body("challenge.phase", equalTo("JUDGING"));

        Challenges.score(demand, winner, Challenges.sheet(80, 90), owner).statusCode(200)
                .body("totalScore", equalTo(85.0f)).body("version", equalTo(3));
        Challenges.score(demand, winner, Challenges.sheet(70, 80), broker).statusCode(200)
                .body("totalScore", equalTo(80.0f)).body("scores", hasSize(2));
        // Re-scoring replaces the enterprise's own sheet: (90 + 75) / 2.
        Challenges.score(demand, winner, Challenges.sheet(90, 90), owner).statusCode(200)
                .body("scores", hasSize(2)).body("scores.scorer", containsInAnyOrder(
                        "enterprise@" + enterprise, "broker@" + TestTokens.BROKER_ORGANISATION))
                .body("scores.find { it.scorerRole == 'enterprise' }.mean", equalTo(90.0f))
                .body("scores.find { it.scorerRole == 'enterprise' }.scores[0].comment", equalTo("样机数据可信"))
                .body("totalScore", equalTo(82.5f)).body("version", equalTo(5));
        Challenges.score(demand, third, Challenges.sheet(60, 65), broker).statusCode(200);
        Challenges.shortlist(demand, winner, true, owner).statusCode(200)
                .body("shortlisted", equalTo(true)).body("version", equalTo(6));
        Challenges.shortlist(demand, third, true, broker).statusCode(200).body("shortlisted", equalTo(true));

        // The broker picks the winner; the others learn why not.
        Challenges.award(demand, Map.of("winners", List.of(winner), "reason", "综合评分未进入前列，感谢参与",
                        "reasons", Map.of(third, "报价高于预算上限")), broker).statusCode(200)
                .body("version", equalTo(2)).body("challenge.phase", equalTo("AWARDED"))
                .body("challenge.applicationCount", equalTo(3))
                .body("challenge.winners", hasSize(1)).body("challenge.winners[0].applicationId", equalTo(winner))
                .body("challenge.winners[0].organisationName", equalTo("浙江大学"))
                .body("challenge.awardedByRole", equalTo("broker")).body("challenge.awardedAt", notNullValue());

        Challenges.get(demand, winner, zju).statusCode(200).body("status", equalTo("WON"))
                .body("outcomeReason", notNullValue()).body("version", equalTo(7));
        Challenges.get(demand, second, nbu).statusCode(200).body("status", equalTo("NOT_SELECTED"))
                .body("outcomeReason", equalTo("综合评分未进入前列，感谢参与"));
        Challenges.get(demand, third, owner).statusCode(200).body("status", equalTo("NOT_SELECTED"))
                .body("outcomeReason", equalTo("报价高于预算上限")).body("shortlisted", equalTo(true));
        Challenges.get(demand, withdrawn, broker).statusCode(200).body("status", equalTo("WITHDRAWN"))
                .body("outcomeReason", nullValue());
        Challenges.get(demand, second, TestTokens.admin()).statusCode(200);
        // Another university learns nothing of the applications, but everyone sees who won.
        Challenges.get(demand, winner, nbu).statusCode(404).contentType("application/problem+json");
        Demands.get(demand, null).body("challenge.phase", equalTo("AWARDED"))
                .body("challenge.winners[0].organisationId", notNullValue());

        Challenges.mine(nbu).statusCode(200).body("application.id", contains(second, withdrawn))
                .body("demandTitle", contains("建筑及工业铝型材表面瑕疵在线自动识别与分级", "建筑及工业铝型材表面瑕疵在线自动识别与分级"))
                .body("phase", contains("AWARDED", "AWARDED"))
                .body("application.status", contains("NOT_SELECTED", "WITHDRAWN"));

        List<JsonNode> winnerEvents = Challenges.awaitEnvelopes(Challenges.CHALLENGE_TOPIC, winner,
                e -> Challenges.types(e).contains("ChallengeApplicationWon"));
        assertEquals(List.of("ChallengeApplicationSubmitted", "ChallengeApplicationUpdated",
                "ChallengeApplicationScored", "ChallengeApplicationScored", "ChallengeApplicationScored",
                "ChallengeApplicationShortlisted", "ChallengeApplicationWon"), Challenges.types(winnerEvents));
        for (int i = 0; i < winnerEvents.size(); i++) {
            JsonNode envelope = winnerEvents.get(i);
            assertEquals(i + 1, envelope.path("aggregateVersion").asLong());
            assertEquals("ChallengeApplication", envelope.path("aggregateType").asText());
            assertEquals(winner, envelope.path("aggregateId").asText());
            assertEquals(i + 1, envelope.path("payload").path("version").asLong());
            assertEquals(demand, envelope.path("payload").path("demandId").asText());
        }
        assertEquals("WON", winnerEvents.get(6).path("payload").path("status").asText());
        assertEquals(82.5, winnerEvents.get(4).path("payload").path("totalScore").asDouble());

        assertEquals(List.of("ChallengeApplicationSubmitted", "ChallengeApplicationWithdrawn"),
                Challenges.types(Challenges.awaitEnvelopes(Challenges.CHALLENGE_TOPIC, withdrawn,
                        e -> Challenges.types(e).contains("ChallengeApplicationWithdrawn"))));
        List<JsonNode> thirdEvents = Challenges.awaitEnvelopes(Challenges.CHALLENGE_TOPIC, third,
                e -> Challenges.types(e).contains("ChallengeApplicationNotSelected"));
        JsonNode notSelected = thirdEvents.get(thirdEvents.size() - 1);
        assertEquals("报价高于预算上限", notSelected.path("payload").path("outcomeReason").asText());
        assertEquals(4, notSelected.path("aggregateVersion").asLong());

        List<JsonNode> demandEvents = DemandEventLog.awaitEnvelopes(demand,
                DemandEventLog.contains("ChallengeAwarded", 2));
        assertEquals(List.of("DemandCreated", "ChallengeAwarded"), Challenges.types(demandEvents));
        JsonNode awarded = demandEvents.get(1);
        assertEquals("Demand", awarded.path("aggregateType").asText());
        JsonNode challenge = awarded.path("payload").path("challenge");
        assertEquals("AWARDED", challenge.path("phase").asText());
        assertEquals(winner, challenge.path("winners").path(0).path("applicationId").asText());
        assertEquals("broker@" + TestTokens.BROKER_ORGANISATION, challenge.path("awardedBy").asText());
        assertEquals("broker", challenge.path("awardedByRole").asText());
        DemandPayload.Challenge read = ((DemandPayload) PublishedEvents.payloadOf(awarded)).challenge();
        assertEquals(winner, read.winners().get(0).applicationId());
        // Application events never land on demand-events.
        assertTrue(demandEvents.stream().noneMatch(e -> e.path("aggregateType").asText().equals("ChallengeApplication")));
    }

    @Test
    void owningEnterpriseAwardsSeveralWinnersAndEachWinnerMayCarryItsOwnReason() {
        String enterprise = Demands.newOrganisation();
        String demand = Challenges.post(enterprise);
        String owner = TestTokens.enterprise(enterprise);
        String first = Challenges.submitted(demand, TestTokens.university(Demands.newOrganisation()));
        String secondOrg = Demands.newOrganisation();
        String second = Challenges.submitted(demand, TestTokens.university(secondOrg));
        String third = Challenges.submitted(demand, TestTokens.university(Demands.newOrganisation()));
        clock.moveAhead(Challenges.PAST_DEADLINE);

        Challenges.award(demand, Map.of("winners", List.of(first, second), "reason", "未中选",
                        "reasons", Map.of(second, "联合揭榜：负责算法部分")), owner).statusCode(200)
                .body("challenge.winners.applicationId", contains(first, second))
                .body("challenge.winners[1].organisationName", equalTo(secondOrg))
                .body("challenge.awardedByRole", equalTo("enterprise"));
        Challenges.get(demand, second, owner).body("status", equalTo("WON"))
                .body("outcomeReason", equalTo("联合揭榜：负责算法部分"));
        Challenges.get(demand, third, owner).body("status", equalTo("NOT_SELECTED")).body("outcomeReason", equalTo("未中选"));
        Challenges.list(demand, owner).body("status", contains("WON", "WON", "NOT_SELECTED"));
    }

    @Test
    void challengeOfAClosedDemandIsClosedAndTakesNoApplications() {
        String enterprise = Demands.newOrganisation();
        String demand = Challenges.post(enterprise);
        String university = TestTokens.university(Demands.newOrganisation());
        Demands.changeStatus(demand, "close", 1).statusCode(200);

        Demands.get(demand, null).body("challenge.phase", equalTo("CLOSED"));
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(), university), 409, "illegal-state");
        Challenges.mine(university).statusCode(200).body("", hasSize(0));
    }
}
