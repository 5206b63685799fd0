package io.techbridge.demand.messaging;

import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.demand.api.ApplicationView;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events of the challenge-application aggregate, published on {@code challenge-events}
 * (configured per aggregate type: techbridge.outbox.topics.ChallengeApplication) through the
 * outbox, keyed by application id. Each carries the full application after the change. The award
 * itself is a change of the demand: {@code ChallengeAwarded} on {@code demand-events}.
 */
@ApplicationScoped
public class ChallengeEvents {

    public static final String AGGREGATE_TYPE = "ChallengeApplication";
    public static final String SUBMITTED = "ChallengeApplicationSubmitted";
    public static final String UPDATED = "ChallengeApplicationUpdated";
    public static final String WITHDRAWN = "ChallengeApplicationWithdrawn";
    public static final String SCORED = "ChallengeApplicationScored";
    public static final String SHORTLISTED = "ChallengeApplicationShortlisted";
    public static final String WON = "ChallengeApplicationWon";
    public static final String NOT_SELECTED = "ChallengeApplicationNotSelected";

    private final OutboxWriter outbox;

    public ChallengeEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that made the change. */
    public void record(String type, ApplicationView state) {
        outbox.append(type, AGGREGATE_TYPE, state.id().toString(), state.version(), state);
    }
}
