package io.techbridge.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which payload record each aggregate type's events carry, and on which topic. */
public final class EventPayloads {

    public record Contract(String aggregateType, String topic, Class<? extends EventPayload> payload,
            List<String> types) {
    }

    public static final List<Contract> ALL = List.of(
            new Contract(AchievementPayload.AGGREGATE_TYPE, Topics.ACHIEVEMENT_EVENTS, AchievementPayload.class,
                    AchievementPayload.TYPES),
            new Contract(DemandPayload.AGGREGATE_TYPE, Topics.DEMAND_EVENTS, DemandPayload.class, DemandPayload.TYPES),
            new Contract(ChallengeApplicationPayload.AGGREGATE_TYPE, Topics.CHALLENGE_EVENTS,
                    ChallengeApplicationPayload.class, ChallengeApplicationPayload.TYPES),
            new Contract(MatchPayload.AGGREGATE_TYPE, Topics.MATCH_EVENTS, MatchPayload.class, MatchPayload.TYPES),
            new Contract(InvitationPayload.AGGREGATE_TYPE, Topics.INVITATION_EVENTS, InvitationPayload.class,
                    InvitationPayload.TYPES),
            new Contract(ImportJobPayload.AGGREGATE_TYPE, Topics.IMPORT_EVENTS, ImportJobPayload.class,
                    ImportJobPayload.TYPES));

    private static final Map<String, Contract> BY_AGGREGATE_TYPE = Map.ofEntries(ALL.stream()
            .map(c -> Map.entry(c.aggregateType(), c)).toArray(Map.Entry[]::new));

    private EventPayloads() {
    }

    public static Optional<Contract> of(String aggregateType) {
        return Optional.ofNullable(aggregateType).map(BY_AGGREGATE_TYPE::get);
    }
}
