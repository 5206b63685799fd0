package io.techbridge.achievement.messaging;

import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.achievement.domain.MaturityStage;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.events.AchievementPayload;
import io.techbridge.events.AmountRange;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The events of the achievement aggregate, published on {@code achievement-events} through the
 * outbox. Each carries the achievement after the change as {@link AchievementPayload}: no contact.
 */
@ApplicationScoped
public class AchievementEvents {

    private final OutboxWriter outbox;

    public AchievementEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that made the change; {@code type} is one of {@link AchievementPayload#TYPES}. */
    public void record(String type, Achievement achievement) {
        outbox.append(type, AchievementPayload.AGGREGATE_TYPE, achievement.id.toString(), achievement.version,
                payloadOf(achievement));
    }

    public static AchievementPayload payloadOf(Achievement a) {
        return new AchievementPayload(a.id.toString(), a.version, a.organisationId, a.institution, a.title, a.summary,
                List.copyOf(a.keywords), a.fieldCode, (int) a.trl, MaturityStage.ofTrl(a.trl).name(), names(a.ipForms),
                List.copyOf(a.patentNumbers), names(a.transferModes),
                new AmountRange(a.priceMinCny, a.priceMaxCny, a.priceNegotiable), a.freeTrialLicence, a.advantages,
                a.regionCode, List.copyOf(a.inventors), a.status.name(), a.statusReason,
                a.mergedInto == null ? null : a.mergedInto.toString(), a.createdAt, a.updatedAt);
    }

    private static List<String> names(List<? extends Enum<?>> values) {
        return values.stream().map(Enum::name).toList();
    }
}
