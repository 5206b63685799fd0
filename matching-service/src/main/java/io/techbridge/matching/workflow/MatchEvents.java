package io.techbridge.matching.workflow;

import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.commons.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;

/** Every change of a pair, published on match-events through the outbox. */
@ApplicationScoped
public class MatchEvents {

    public static final String AGGREGATE_TYPE = "Match";

    private final OutboxWriter outbox;

    public MatchEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** The event type of a move to {@code status}, e.g. MatchProposed, MatchContracted. */
    public static String typeOf(MatchStatus status) {
        String name = status.name().charAt(0) + status.name().substring(1).toLowerCase();
        return "Match" + name;
    }

    public void record(String type, MatchView state) {
        outbox.append(type, AGGREGATE_TYPE, state.id().toString(), state.version(), state);
    }
}
