package io.techbridge.demand;

import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.deploy.local.testing.TestTokens;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every step of an open challenge that the rules refuse, one by one: the answer (status, problem
 * type, field) and that nothing changed.
 */
@QuarkusTest
@RealServers
class ChallengeRefusalsTest {

    @Inject
    MovableDemandClock clock;

    @AfterEach
    void backToToday() {
        clock.reset();
    }

    /** A challenge of a new enterprise with one application of a new university. */
    private record Setup(String demand, String enterprise, String owner, String university, String application) {

        static Setup withOneApplication() {
            String enterprise = Demands.newOrganisation();
            String demand = Challenges.post(enterprise);
            String university = TestTokens.university(Demands.newOrganisation());
            return new Setup(demand, enterprise, TestTokens.enterprise(enterprise), university,
                    Challenges.submitted(demand, university));
        }

        /** Nothing of the application or the challenge changed. */
        void unchanged() {
            Challenges.get(demand, application, owner).statusCode(200).body("version", equalTo(1))
                    .body("status", equalTo("SUBMITTED")).body("scores", hasSize(0)).body("shortlisted", equalTo(false))
                    .body("approach", equalTo(Challenges.proposal().get("approach")));
            Demands.get(demand).body("version", equalTo(1)).body("challenge.applicationCount", equalTo(1))
                    .body("challenge.winners", hasSize(0));
        }
    }

    @Test
    void secondApplicationOfTheSameOrganisationIsRefused() {
        Setup s = Setup.withOneApplication();
        Map<String, Object> other = Challenges.proposal();
        other.put("approach", "另一方案");
        Challenges.refused(Challenges.submit(s.demand(), other, s.university()), 409, "application-exists")
                .body("context.applicationId", equalTo(s.application()));
        Challenges.list(s.demand(), s.owner()).body("id", contains(s.application()));
        s.unchanged();
    }

    @Test
    void concurrentApplicationsOfOneOrganisationLetExactlyOneIn() throws Exception {
        String demand = Challenges.post(Demands.newOrganisation());
        String university = TestTokens.university(Demands.newOrganisation());
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> submits = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                submits.add(() -> Challenges.submit(demand, Challenges.proposal(), university).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(submits)) {
                statuses.add(f.get());
            }
            assertEquals(1, statuses.stream().filter(code -> code == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(code -> code == 409).count(), statuses.toString());
        } finally {
            pool.shutdown();
        }
        Challenges.list(demand, university).body("", hasSize(1));
    }

    @Test
    void applicationAfterTheDeadlineIsRefused() {
        String demand = Challenges.post(Demands.newOrganisation());
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(),
                TestTokens.university(Demands.newOrganisation())), 409, "deadline-passed");
        Demands.get(demand).body("challenge.applicationCount", equalTo(0));
    }

    @Test
    void editAfterTheDeadlineIsRefused() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Map<String, Object> edit = Challenges.proposal();
        edit.put("version", 1);
        edit.put("approach", "截止后修改");
        Challenges.refused(Challenges.update(s.demand(), s.application(), edit, s.university()), 409, "deadline-passed")
                .body("context.applicationDeadline", equalTo(Demands.inDays(1)));
        s.unchanged();
    }

    @Test
    void withdrawalAfterTheDeadlineIsRefused() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.refused(Challenges.withdraw(s.demand(), s.application(), 1, s.university()), 409, "deadline-passed");
        s.unchanged();
    }

    @Test
    void scoringBeforeTheDeadlineIsRefused() {
        Setup s = Setup.withOneApplication();
        Challenges.refused(Challenges.score(s.demand(), s.application(), Challenges.sheet(80, 80), s.owner()),
                409, "judging-not-open");
        Challenges.refused(Challenges.score(s.demand(), s.application(), Challenges.sheet(80, 80), TestTokens.broker()),
                409, "judging-not-open");
        s.unchanged();
    }

    @Test
    void shortlistingBeforeTheDeadlineIsRefused() {
        Setup s = Setup.withOneApplication();
        Challenges.refused(Challenges.shortlist(s.demand(), s.application(), true, s.owner()), 409, "judging-not-open");
        s.unchanged();
    }

    @Test
    void awardBeforeTheDeadlineIsRefused() {
        Setup s = Setup.withOneApplication();
        Challenges.refused(Challenges.award(s.demand(), Challenges.awardTo(s.application()), s.owner()),
                409, "judging-not-open");
        s.unchanged();
    }

    @Test
    void awardByAnotherEnterpriseIsForbidden() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.refused(Challenges.award(s.demand(), Challenges.awardTo(s.application()),
                TestTokens.enterprise(Demands.newOrganisation())), 403, "forbidden");
        s.unchanged();
    }

    @Test
    void awardByAUniversityIsForbiddenEvenForTheApplicant() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.refused(Challenges.award(s.demand(), Challenges.awardTo(s.application()), s.university()),
                403, "forbidden");
        Challenges.refused(Challenges.award(s.demand(), Challenges.awardTo(s.application()),
                TestTokens.university(s.enterprise())), 403, "forbidden");
        s.unchanged();
    }

    @Test
    void anonymousAwardScoreAndShortlistNeedALogin() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.refused(Challenges.award(s.demand(), Challenges.awardTo(s.application()), null), 401, "unauthenticated");
        Challenges.refused(Challenges.score(s.demand(), s.application(), Challenges.sheet(1, 1), null), 401, "unauthenticated");
        Challenges.refused(Challenges.shortlist(s.demand(), s.application(), true, null), 401, "unauthenticated");
        s.unchanged();
    }

    @Test
    void scoringByAnotherEnterpriseOrAUniversityIsForbidden() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.refused(Challenges.score(s.demand(), s.application(), Challenges.sheet(1, 1),
                TestTokens.enterprise(Demands.newOrganisation())), 403, "forbidden");
        Challenges.refused(Challenges.shortlist(s.demand(), s.application(), true, s.university()), 403, "forbidden");
        s.unchanged();
    }

    @Test
    void secondAwardIsRefused() {
        Setup s = Setup.withOneApplication();
        String other = Challenges.submitted(s.demand(), TestTokens.university(Demands.newOrganisation()));
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.award(s.demand(), Challenges.awardTo(s.application()), s.owner()).statusCode(200);

        Challenges.refused(Challenges.award(s.demand(), Challenges.awardTo(other), TestTokens.broker()),
                409, "already-awarded");
        Demands.get(s.demand()).body("version", equalTo(2)).body("challenge.winners.applicationId", contains(s.application()));
        Challenges.get(s.demand(), other, s.owner()).body("status", equalTo("NOT_SELECTED")).body("version", equalTo(2));
        // Decided applications are no longer judged either.
        Challenges.refused(Challenges.score(s.demand(), other, Challenges.sheet(99, 99), s.owner()), 409, "already-awarded");
        Challenges.refused(Challenges.shortlist(s.demand(), other, true, s.owner()), 409, "already-awarded");
        Challenges.get(s.demand(), other, s.owner()).body("version", equalTo(2)).body("scores", hasSize(0));
    }

    @Test
    void winnerFromAnotherChallengeOrWithdrawnIsRefused() {
        Setup s = Setup.withOneApplication();
        Setup elsewhere = Setup.withOneApplication();
        String withdrawer = TestTokens.university(Demands.newOrganisation());
        String withdrawn = Challenges.submitted(s.demand(), withdrawer);
        Challenges.withdraw(s.demand(), withdrawn, 1, withdrawer).statusCode(200);
        clock.moveAhead(Challenges.PAST_DEADLINE);

        Challenges.invalid(Challenges.award(s.demand(), Challenges.awardTo(elsewhere.application()), s.owner()),
                "winners[0]", "LiveApplication");
        Challenges.invalid(Challenges.award(s.demand(), Map.of("winners", List.of(s.application(), withdrawn),
                "reason", "未中选"), s.owner()), "winners[1]", "LiveApplication");
        Challenges.invalid(Challenges.award(s.demand(), Map.of("winners", List.of(s.application()), "reason", "未中选",
                "reasons", Map.of(elsewhere.application(), "x")), s.owner()), "reasons." + elsewhere.application(),
                "LiveApplication");
        s.unchanged();
        elsewhere.unchanged();
    }

    @Test
    void applicationToADemandWithoutAChallengeIsRefused() {
        String demand = Demands.createdId(Demands.validBody(Demands.newOrganisation()));
        String university = TestTokens.university(Demands.newOrganisation());
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(), university), 409, "not-a-challenge");
        Challenges.refused(Challenges.list(demand, TestTokens.broker()), 409, "not-a-challenge");
        Demands.get(demand).body("version", equalTo(1)).body("challenge", nullValue());
        Challenges.mine(university).statusCode(200).body("", hasSize(0));
    }

    @Test
    void enterpriseBrokerAndAdminMayNotApply() {
        String enterprise = Demands.newOrganisation();
        String demand = Challenges.post(enterprise);
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(), TestTokens.enterprise(enterprise)), 403, "forbidden");
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(),
                TestTokens.enterprise(Demands.newOrganisation())), 403, "forbidden");
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(), TestTokens.broker()), 403, "forbidden");
        Challenges.refused(Challenges.submit(demand, Challenges.proposal(), TestTokens.admin()), 403, "forbidden");
        Demands.get(demand).body("challenge.applicationCount", equalTo(0));
    }

    @Test
    void anonymousMayNeitherApplyNorReadApplications() {
        Setup s = Setup.withOneApplication();
        Challenges.refused(Challenges.submit(s.demand(), Challenges.proposal(), null), 401, "unauthenticated");
        Challenges.refused(Challenges.list(s.demand(), null), 401, "unauthenticated");
        Challenges.refused(Challenges.get(s.demand(), s.application(), null), 401, "unauthenticated");
        Challenges.refused(Challenges.mine(null), 401, "unauthenticated");
        s.unchanged();
    }

    @Test
    void anotherUniversityCannotReadEditOrWithdrawAnApplication() {
        Setup s = Setup.withOneApplication();
        String other = TestTokens.university(Demands.newOrganisation());
        Challenges.refused(Challenges.get(s.demand(), s.application(), other), 404, "not-found");
        Challenges.list(s.demand(), other).statusCode(200).body("", hasSize(0));
        Map<String, Object> edit = Challenges.proposal();
        edit.put("version", 1);
        edit.put("approach", "冒名修改");
        Challenges.refused(Challenges.update(s.demand(), s.application(), edit, other), 404, "not-found");
        Challenges.refused(Challenges.withdraw(s.demand(), s.application(), 1, other), 404, "not-found");
        // Another enterprise is not the challenge's side: it may not list them and does not find one.
        String stranger = TestTokens.enterprise(Demands.newOrganisation());
        Challenges.refused(Challenges.get(s.demand(), s.application(), stranger), 404, "not-found");
        Challenges.list(s.demand(), stranger).statusCode(200).body("", hasSize(0));
        s.unchanged();
    }

    @Test
    void applicationUnderAnotherDemandOrAnUnknownDemandIsNotFound() {
        Setup s = Setup.withOneApplication();
        Setup elsewhere = Setup.withOneApplication();
        Challenges.refused(Challenges.get(elsewhere.demand(), s.application(), s.university()), 404, "not-found");
        Challenges.refused(Challenges.submit(UUID.randomUUID().toString(), Challenges.proposal(), s.university()),
                404, "not-found");
        s.unchanged();
    }

    @Test
    void editWithAStaleVersionIsRefused() {
        Setup s = Setup.withOneApplication();
        Map<String, Object> edit = Challenges.proposal();
        edit.put("version", 1);
        edit.put("approach", "第一次修改");
        Challenges.update(s.demand(), s.application(), edit, s.university()).statusCode(200).body("version", equalTo(2));
        edit.put("approach", "基于旧版本的修改");
        Challenges.refused(Challenges.update(s.demand(), s.application(), edit, s.university()), 409, "version-conflict")
                .body("context.currentVersion", equalTo(2));
        Challenges.refused(Challenges.withdraw(s.demand(), s.application(), 1, s.university()), 409, "version-conflict");
        Challenges.get(s.demand(), s.application(), s.university()).body("version", equalTo(2))
                .body("approach", equalTo("第一次修改")).body("status", equalTo("SUBMITTED"));
    }

    @Test
    void withdrawnApplicationCannotBeEditedButTheOrganisationMayApplyAgain() {
        Setup s = Setup.withOneApplication();
        Challenges.withdraw(s.demand(), s.application(), 1, s.university()).statusCode(200);
        Map<String, Object> edit = Challenges.proposal();
        edit.put("version", 2);
        Challenges.refused(Challenges.update(s.demand(), s.application(), edit, s.university()), 409, "illegal-state");
        Challenges.get(s.demand(), s.application(), s.university()).body("status", equalTo("WITHDRAWN")).body("version", equalTo(2));
        Challenges.submit(s.demand(), Challenges.proposal(), s.university()).statusCode(201);
    }

    @Test
    void badApplicationBodiesNameTheField() {
        Setup s = Setup.withOneApplication();
        String other = TestTokens.university(Demands.newOrganisation());
        Map<String, Object> body = Challenges.proposal();
        body.put("trlPromised", 4);
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "trlPromised", "PromiseNotBelowNow");
        body = Challenges.proposal();
        body.put("trlNow", 10);
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "trlNow", "Max");
        body = Challenges.proposal();
        body.put("milestones", List.of());
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "milestones", "Size");
        body = Challenges.proposal();
        body.put("milestones", List.of(Map.of("title", "样机")));
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "milestones[0].due", "NotNull");
        body = Challenges.proposal();
        body.remove("approach");
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "approach", "NotBlank");
        body = Challenges.proposal();
        body.put("priceCny", -1);
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "priceCny", "Min");
        body = Challenges.proposal();
        body.put("budget", 100);
        Challenges.invalid(Challenges.submit(s.demand(), body, other), "budget", "known-field");
        body = Challenges.proposal();
        body.put("achievementIds", List.of("not-a-uuid"));
        Challenges.refused(Challenges.submit(s.demand(), body, other), 400, "validation");
        // An edit must say which version it read.
        Challenges.invalid(Challenges.update(s.demand(), s.application(), Challenges.proposal(), s.university()),
                "version", "NotNull");
        Challenges.list(s.demand(), s.owner()).body("", hasSize(1));
        s.unchanged();
    }

    @Test
    void badJudgingBodiesNameTheField() {
        Setup s = Setup.withOneApplication();
        clock.moveAhead(Challenges.PAST_DEADLINE);
        Challenges.invalid(Challenges.score(s.demand(), s.application(),
                Map.of("scores", List.of(Map.of("indicator", "漏检率", "score", 101))), s.owner()), "scores[0].score", "Max");
        Challenges.invalid(Challenges.score(s.demand(), s.application(), Map.of("scores", List.of()), s.owner()),
                "scores", "Size");
        Challenges.invalid(Challenges.score(s.demand(), s.application(), Map.of("scores", List.of(
                Map.of("indicator", "漏检率", "score", 80), Map.of("indicator", "漏检率", "score", 90))), s.owner()),
                "scores[1].indicator", "Unique");
        Challenges.shortlist(s.demand(), s.application(), true, s.owner()).statusCode(200).body("version", equalTo(2));
        Challenges.invalid(Challenges.award(s.demand(), Map.of("winners", List.of(s.application())), s.owner()),
                "reason", "NotBlank");
        Challenges.invalid(Challenges.award(s.demand(), Map.of("winners", List.of(), "reason", "未中选"), s.owner()),
                "winners", "Size");
        Map<String, Object> unknown = new HashMap<>(Challenges.awardTo(s.application()));
        unknown.put("budget", 1);
        Challenges.invalid(Challenges.award(s.demand(), unknown, s.owner()), "budget", "known-field");
        Challenges.get(s.demand(), s.application(), s.owner()).body("status", equalTo("SUBMITTED"))
                .body("scores", hasSize(0)).body("shortlisted", equalTo(true)).body("version", equalTo(2));
        Demands.get(s.demand()).body("version", equalTo(1)).body("challenge.winners", hasSize(0));
    }

    @Test
    void challengeWithApplicationsCannotBeRemovedFromItsDemand() {
        Setup s = Setup.withOneApplication();
        Map<String, Object> body = Demands.validBody(s.enterprise());
        body.put("version", 1);
        body.put("challenge", null);
        Challenges.refused(Demands.update(s.demand(), body), 409, "challenge-underway");
        s.unchanged();
    }

    @Test
    void demandReadBackWithItsChallengeStateCanBeSentBackAsAnUpdate() {
        Setup s = Setup.withOneApplication();
        Map<String, Object> read = Demands.get(s.demand()).statusCode(200).extract().as(Map.class);
        read.put("title", "铝型材表面瑕疵识别（揭榜）");
        Demands.update(s.demand(), read).statusCode(200).body("version", equalTo(2))
                .body("challenge.applicationCount", equalTo(1)).body("challenge.phase", equalTo("APPLYING"));
    }
}
