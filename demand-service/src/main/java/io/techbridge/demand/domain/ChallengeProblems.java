package io.techbridge.demand.domain;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The 409s of the open-challenge rules, one type each, so a client can tell them apart. */
public final class ChallengeProblems {

    private ChallengeProblems() {
    }

    public static ProblemException notAChallenge(UUID demandId) {
        return conflict("not-a-challenge", "Not an open challenge",
                "demand " + demandId + " is not an open challenge (揭榜挂帅); there is nothing to apply to or judge",
                Map.of("demandId", demandId));
    }

    public static ProblemException applicationExists(UUID demandId, String organisationId, UUID existing) {
        return conflict("application-exists", "Application exists",
                "organisation " + organisationId + " already has a live application to challenge " + demandId
                        + "; edit it, or withdraw it before applying again",
                existing == null ? Map.of("demandId", demandId) : Map.of("demandId", demandId, "applicationId", existing));
    }

    public static ProblemException deadlinePassed(UUID demandId, LocalDate deadline) {
        return conflict("deadline-passed", "Application deadline passed",
                "the applications to challenge " + demandId + " closed with " + deadline
                        + "; applications can no longer be submitted, edited or withdrawn",
                Map.of("applicationDeadline", deadline.toString()));
    }

    public static ProblemException judgingNotOpen(UUID demandId, LocalDate deadline) {
        return conflict("judging-not-open", "Judging not open",
                "challenge " + demandId + " takes applications until " + deadline
                        + "; scoring, shortlisting and the award come after that day",
                Map.of("applicationDeadline", deadline.toString()));
    }

    public static ProblemException alreadyAwarded(UUID demandId) {
        return conflict("already-awarded", "Challenge already awarded",
                "the winners of challenge " + demandId + " have been picked; the applications are decided",
                Map.of("demandId", demandId));
    }

    /** The challenge cannot change under the universities that applied to it. */
    public static ProblemException underway(UUID demandId, String why) {
        return conflict("challenge-underway", "Challenge underway",
                "the challenge of demand " + demandId + " is underway: " + why, Map.of("demandId", demandId));
    }

    private static ProblemException conflict(String slug, String title, String detail, Map<String, Object> context) {
        return new ProblemException(Problem.of(Status.CONFLICT, slug, title, detail).withContext(context));
    }
}
