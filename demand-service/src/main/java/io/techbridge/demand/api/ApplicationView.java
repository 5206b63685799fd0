package io.techbridge.demand.api;

import io.techbridge.demand.domain.ApplicationStatus;
import io.techbridge.demand.persistence.ChallengeApplication;
import io.techbridge.demand.persistence.ScoreSheet;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application to an open challenge as the API shows it, only to the applicant organisation, the
 * challenge's owner, brokers and admins (its events carry {@link io.techbridge.events.ChallengeApplicationPayload}).
 */
public record ApplicationView(
        UUID id,
        UUID demandId,
        String organisationId,
        String organisationName,
        String approach,
        String team,
        int trlNow,
        int trlPromised,
        List<Milestone> milestones,
        long priceCny,
        List<UUID> achievementIds,
        ApplicationStatus status,
        List<ScoreSheetView> scores,
        BigDecimal totalScore,
        boolean shortlisted,
        String outcomeReason,
        long version,
        Instant submittedAt,
        Instant updatedAt) {

    /** One scorer's sheet: who (login name, role, organisation), the score per indicator, its mean. */
    public record ScoreSheetView(String scorer, String scorerRole, String scorerOrganisationId,
            List<ScoreRequest.IndicatorScore> scores, String note, BigDecimal mean, Instant scoredAt) {

        static ScoreSheetView of(ScoreSheet sheet) {
            return new ScoreSheetView(sheet.scorer(), sheet.scorerRole(), sheet.scorerOrganisationId(),
                    sheet.scores().stream()
                            .map(s -> new ScoreRequest.IndicatorScore(s.indicator(), s.score(), s.comment())).toList(),
                    sheet.note(), sheet.mean(), sheet.scoredAt());
        }
    }

    public static ApplicationView of(ChallengeApplication a) {
        return new ApplicationView(a.id, a.demandId, a.organisationId, a.organisationName, a.approach, a.team,
                a.trlNow, a.trlPromised, a.milestones.stream().map(m -> new Milestone(m.title(), m.due())).toList(),
                a.priceCny, List.copyOf(a.achievementIds), a.status,
                a.scores.stream().map(ScoreSheetView::of).toList(), a.totalScore, a.shortlisted, a.outcomeReason,
                a.version, a.submittedAt, a.updatedAt);
    }
}
