package io.techbridge.gateway.api;

import io.techbridge.gateway.persistence.AuditEvent;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "AuditEntry", description = "One security-relevant action: who, when, in which request, and how it ended")
public record AuditEntryResponse(
        long id,
        Instant occurredAt,
        @Schema(description = "what was attempted, e.g. LOGIN, USER_UPDATE, MATCH_DECISION, ACHIEVEMENT_MERGE, CHALLENGE_AWARD")
        String action,
        @Schema(description = "SUCCEEDED (2xx), REFUSED (4xx), FAILED (5xx or no answer)", enumeration = {"SUCCEEDED", "REFUSED", "FAILED"})
        String outcome,
        @Schema(description = "the HTTP status answered; 0 when no answer reached the client (it went away first)")
        int status,
        @Schema(description = "the account's id (token subject); absent for a failed login or a refused token")
        String actorId,
        @Schema(description = "the account's login name; for a login, the name typed")
        String actorName,
        String actorRole,
        String actorOrganisation,
        @Schema(description = "the record acted on: the id in the path, or the created record's id")
        String target,
        String method,
        String path,
        @Schema(description = "the X-Request-Id of the request, as in every log line it wrote")
        String requestId,
        String clientAddress) {

    static AuditEntryResponse of(AuditEvent e) {
        return new AuditEntryResponse(e.id, e.occurredAt, e.action, e.outcome, e.status, e.actorId, e.actorName,
                e.actorRole, e.actorOrganisation, e.target, e.method, e.path, e.requestId, e.clientAddress);
    }
}
