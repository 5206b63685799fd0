package io.techbridge.achievement.messaging;

import io.techbridge.achievement.api.AchievementResponse;
import io.techbridge.commons.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events of the achievement aggregate, published on {@code achievement-events} through the
 * outbox. Each carries the full achievement after the change.
 */
@ApplicationScoped
public class AchievementEvents {

    public static final String AGGREGATE_TYPE = "Achievement";
    public static final String CREATED = "AchievementCreated";
    public static final String UPDATED = "AchievementUpdated";
    public static final String PUBLISHED = "AchievementPublished";
    public static final String WITHDRAWN = "AchievementWithdrawn";
    public static final String TRANSFERRED = "AchievementTransferred";
    public static final String MERGED = "AchievementMerged";
    public static final String MARKED_STALE = "AchievementMarkedStale";
    public static final String CONFIRMED = "AchievementConfirmed";

    private final OutboxWriter outbox;

    public AchievementEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that made the change. */
    public void record(String type, AchievementResponse state) {
        outbox.append(type, AGGREGATE_TYPE, state.id().toString(), state.version(), state);
    }
}
