package io.techbridge.matching.api;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.matching.persistence.WebhookDelivery;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One delivery in a subscription's log: what was sent and how the receiver answered. */
public record WebhookDeliveryView(
        UUID id,
        UUID subscriptionId,
        @Schema(description = "the event's id, the same in a replay: receivers deduplicate by it") String eventId,
        String eventType,
        @Schema(description = "PENDING (to be sent or tried again), DELIVERED (a 2xx answer), FAILED (every attempt failed; it can be replayed)")
        String status,
        int attempts,
        @Schema(description = "when it is tried next, while PENDING") Instant nextAttemptAt,
        Instant lastAttemptAt,
        @Schema(description = "the receiver's HTTP status at the last attempt; null when none came") Integer lastStatus,
        @Schema(description = "why the last attempt failed when no HTTP status came back: TIMEOUT, CONNECTION_FAILED, REQUEST_FAILED, TARGET_REFUSED (the URL now resolves to an address deliveries may not go to), INTERRUPTED")
        String lastErrorKind,
        @Schema(description = "the technical detail of lastErrorKind") String lastError,
        @Schema(description = "the delivery this one replays") UUID replayOf,
        Instant createdAt,
        Instant deliveredAt,
        @Schema(description = "the JSON body sent") Map<String, Object> body) {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    static WebhookDeliveryView of(WebhookDelivery d, ObjectMapper mapper) {
        Map<String, Object> body;
        try {
            body = mapper.readValue(d.body, JSON_OBJECT);
        } catch (Exception e) {
            throw new IllegalStateException("delivery " + d.id + " holds a body that is not a JSON object", e);
        }
        return new WebhookDeliveryView(d.id, d.subscriptionId, d.eventId, d.eventType, d.status, d.attempts,
                WebhookDelivery.PENDING.equals(d.status) ? d.nextAttemptAt : null, d.lastAttemptAt, d.lastStatus,
                d.lastErrorKind, d.lastError, d.replayOf, d.createdAt, d.deliveredAt, body);
    }
}
