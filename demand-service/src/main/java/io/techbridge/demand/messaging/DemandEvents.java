package io.techbridge.demand.messaging;

import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.demand.api.ChallengeView;
import io.techbridge.demand.api.DemandResponse;
import io.techbridge.events.AmountRange;
import io.techbridge.events.DemandPayload;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The events of the demand aggregate, published on {@code demand-events} through the outbox. Each
 * carries the demand after the change as {@link DemandPayload}: confidential ones in full (matching
 * needs the text and honours {@code confidentiality}), never the contact.
 */
@ApplicationScoped
public class DemandEvents {

    private final OutboxWriter outbox;

    public DemandEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that made the change; {@code type} is one of {@link DemandPayload#TYPES}. */
    public void record(String type, DemandResponse state) {
        outbox.append(type, DemandPayload.AGGREGATE_TYPE, state.id().toString(), state.version(), payloadOf(state));
    }

    public static DemandPayload payloadOf(DemandResponse d) {
        return new DemandPayload(d.id().toString(), d.version(), d.organisationId(), d.enterprise(), d.title(),
                d.problem(), d.indicators(), d.fieldCode(), d.keywords(), amount(d.budget()), d.validUntil(),
                d.regionCode(), d.cooperationModes().stream().map(Enum::name).toList(), d.minTrl(),
                d.confidentiality().name(), challenge(d.challenge()), d.status().name(), d.statusReason(),
                d.mergedInto() == null ? null : d.mergedInto().toString(), d.createdAt(), d.updatedAt());
    }

    private static AmountRange amount(MoneyRange money) {
        return new AmountRange(money.minCny(), money.maxCny(), money.negotiable());
    }

    private static DemandPayload.Challenge challenge(ChallengeView c) {
        if (c == null) {
            return null;
        }
        List<DemandPayload.Winner> winners = c.winners().stream().map(w -> new DemandPayload.Winner(
                w.applicationId().toString(), w.organisationId(), w.organisationName())).toList();
        return new DemandPayload.Challenge(c.goal(), c.indicators(), c.bountyCny(), c.applicationDeadline(),
                c.judgingDeadline(), c.phase().name(), c.applicationCount(), winners, c.awardedAt(), c.awardedBy(),
                c.awardedByRole());
    }
}
