package io.techbridge.matching.api;

import io.techbridge.matching.persistence.WebhookSubscription;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A webhook subscription as its owner sees it; the secret only in the answer to its creation. */
public record WebhookView(
        UUID id,
        String organisationId,
        String url,
        String description,
        List<String> events,
        @Schema(description = "ACTIVE, or PAUSED: deliveries wait until it is resumed") String status,
        @Schema(description = "MANUAL (pausedBy paused it) or FAILURES (consecutiveFailures attempts in a row failed); null when active")
        String pauseCause,
        @Schema(description = "the login name that paused it by hand") String pausedBy,
        @Schema(description = "why it was paused, in words") String pausedReason,
        Instant pausedAt,
        @Schema(description = "failed attempts in a row; at the configured number the subscription is paused") int consecutiveFailures,
        String createdBy,
        Instant createdAt,
        @Schema(description = "the HMAC-SHA256 key of the TechBridge-Signature header; shown once, in the answer to the creation, never again")
        String secret) {

    static WebhookView of(WebhookSubscription s, String secret) {
        return new WebhookView(s.id, s.organisationId, s.url, s.description, s.eventTypeList(), s.status, s.pausedCause, s.pausedBy, s.pausedReason,
                s.pausedAt, s.consecutiveFailures, s.createdBy, s.createdAt, secret);
    }
}
