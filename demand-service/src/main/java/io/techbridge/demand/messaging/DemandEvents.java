package io.techbridge.demand.messaging;

import io.techbridge.commons.outbox.OutboxWriter;
import io.techbridge.demand.api.DemandResponse;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The events of the demand aggregate, published on {@code demand-events} through the outbox.
 * Each carries the full demand after the change, confidential ones included: consumers must
 * honour {@code confidentiality} themselves.
 */
@ApplicationScoped
public class DemandEvents {

    public static final String AGGREGATE_TYPE = "Demand";
    public static final String CREATED = "DemandCreated";
    public static final String UPDATED = "DemandUpdated";
    public static final String IN_NEGOTIATION = "DemandInNegotiation";
    public static final String SOLVED = "DemandSolved";
    public static final String CLOSED = "DemandClosed";
    public static final String EXPIRED = "DemandExpired";
    /** The winners of its open challenge were picked (the payload's challenge shows them, and who picked). */
    public static final String CHALLENGE_AWARDED = "ChallengeAwarded";
    public static final String MERGED = "DemandMerged";
    public static final String MARKED_STALE = "DemandMarkedStale";
    public static final String CONFIRMED = "DemandConfirmed";
    public static final String RENEWED = "DemandRenewed";

    private final OutboxWriter outbox;

    public DemandEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /** Must run inside the transaction that made the change. */
    public void record(String type, DemandResponse state) {
        outbox.append(type, AGGREGATE_TYPE, state.id().toString(), state.version(), state);
    }
}
