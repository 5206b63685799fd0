package io.techbridge.matching.workflow;

import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.events.MatchPayload;
import io.techbridge.matching.domain.MatchStatus;
import jakarta.enterprise.context.ApplicationScoped;

/** Every change of a pair, published on match-events through the outbox as {@link MatchPayload}. */
@ApplicationScoped
public class MatchEvents {

    private final OutboxWriter outbox;

    public MatchEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** The event type of a move to {@code status}, e.g. MatchProposed, MatchContracted. */
    public static String typeOf(MatchStatus status) {
        String name = status.name().charAt(0) + status.name().substring(1).toLowerCase();
        return "Match" + name;
    }

    /** {@code type} is one of {@link MatchPayload#TYPES}; {@code state} the pair as a broker sees it. */
    public void record(String type, MatchView state) {
        outbox.append(type, MatchPayload.AGGREGATE_TYPE, state.id().toString(), state.version(), payloadOf(state));
    }

    public static MatchPayload payloadOf(MatchView m) {
        return new MatchPayload(m.id().toString(), m.version(), m.demandId(), m.achievementId(),
                m.demandOrganisationId(), m.achievementOrganisationId(), m.fieldCode(), m.regionCode(), m.score(),
                m.status().name(), name(m.reasonCode()), m.note(),
                m.contract() == null ? null : new MatchPayload.Contract(m.contract().amountCny(),
                        m.contract().registrationNo()),
                m.disclosed(), m.introductionAcceptedAt(), m.createdAt(), m.updatedAt(),
                m.history() == null ? null : m.history().stream().map(t -> new MatchPayload.Transition(name(t.from()),
                        name(t.to()), t.actor(), name(t.reasonCode()), t.note(), t.contractAmountCny(), t.at()))
                        .toList());
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
