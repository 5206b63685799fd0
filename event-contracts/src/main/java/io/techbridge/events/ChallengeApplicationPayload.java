package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An application to an open challenge after a change, on {@code challenge-events} (aggregate type {@code ChallengeApplication}). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChallengeApplicationPayload(
        String id,
        long version,
        String demandId,
        String organisationId,
        String organisationName,
        String approach,
        String team,
        int trlNow,
        int trlPromised,
        List<Milestone> milestones,
        long priceCny,
        List<String> achievementIds,
        String status,
        List<ScoreSheet> scores,
        BigDecimal totalScore,
        boolean shortlisted,
        String outcomeReason,
        Instant submittedAt,
        Instant updatedAt) implements EventPayload {

    public static final String AGGREGATE_TYPE = "ChallengeApplication";

    public static final String SUBMITTED = "ChallengeApplicationSubmitted";
    public static final String UPDATED = "ChallengeApplicationUpdated";
    public static final String WITHDRAWN = "ChallengeApplicationWithdrawn";
    public static final String SCORED = "ChallengeApplicationScored";
    public static final String SHORTLISTED = "ChallengeApplicationShortlisted";
    public static final String WON = "ChallengeApplicationWon";
    public static final String NOT_SELECTED = "ChallengeApplicationNotSelected";

    public static final List<String> TYPES = List.of(SUBMITTED, UPDATED, WITHDRAWN, SCORED, SHORTLISTED, WON,
            NOT_SELECTED);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Milestone(String title, LocalDate due) {
    }

    /** One scorer's sheet: who (login name, role, organisation), the score per indicator, its mean. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScoreSheet(String scorer, String scorerRole, String scorerOrganisationId, List<IndicatorScore> scores,
            String note, BigDecimal mean, Instant scoredAt) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record IndicatorScore(String indicator, int score, String comment) {
    }
}
