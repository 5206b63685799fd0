package io.techbridge.demand.messaging;

import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.demand.api.ApplicationView;
import io.techbridge.events.ChallengeApplicationPayload;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/**
 * The events of the challenge-application aggregate, published on {@code challenge-events}
 * (configured per aggregate type: techbridge.outbox.topics.ChallengeApplication) through the
 * outbox, keyed by application id. Each carries the application after the change. The award
 * itself is a change of the demand: {@code ChallengeAwarded} on {@code demand-events}.
 */
@ApplicationScoped
public class ChallengeEvents {

    private final OutboxWriter outbox;

    public ChallengeEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that made the change; {@code type} is one of {@link ChallengeApplicationPayload#TYPES}. */
    public void record(String type, ApplicationView state) {
        outbox.append(type, ChallengeApplicationPayload.AGGREGATE_TYPE, state.id().toString(), state.version(),
                payloadOf(state));
    }

    public static ChallengeApplicationPayload payloadOf(ApplicationView a) {
        return new ChallengeApplicationPayload(a.id().toString(), a.version(), a.demandId().toString(),
                a.organisationId(), a.organisationName(), a.approach(), a.team(), a.trlNow(), a.trlPromised(),
                a.milestones().stream().map(m -> new ChallengeApplicationPayload.Milestone(m.title(), m.due())).toList(),
                a.priceCny(), a.achievementIds().stream().map(UUID::toString).toList(), a.status().name(),
                a.scores().stream().map(s -> new ChallengeApplicationPayload.ScoreSheet(s.scorer(), s.scorerRole(),
                        s.scorerOrganisationId(), s.scores().stream().map(i -> new ChallengeApplicationPayload
                                .IndicatorScore(i.indicator(), i.score(), i.comment())).toList(),
                        s.note(), s.mean(), s.scoredAt())).toList(),
                a.totalScore(), a.shortlisted(), a.outcomeReason(), a.submittedAt(), a.updatedAt());
    }
}
