package io.techbridge.gateway.api;

import io.techbridge.gateway.persistence.ApiKey;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "ApiKey", description = "An organisation's API key; the secret is shown only when it is issued")
public record ApiKeyResponse(
        UUID id,
        String organisationId,
        String organisationName,
        String name,
        @Schema(enumeration = {"READ", "WRITE"}) String scope,
        Instant createdAt,
        @Schema(description = "the admin who issued it") String createdBy,
        @Schema(description = "its last use, to within the gateway's poll (5 s); absent if never used") Instant lastUsedAt,
        @Schema(description = "when it was revoked; a revoked key is refused") Instant revokedAt,
        @Schema(description = "the key to send as `Authorization: Bearer <key>`: only in the answer that issues it") String key) {

    static ApiKeyResponse of(ApiKey k) {
        return of(k, null);
    }

    static ApiKeyResponse of(ApiKey k, String secret) {
        return new ApiKeyResponse(k.id, k.organisation.id, k.organisation.name, k.name, k.scope, k.createdAt, k.createdBy,
                k.lastUsedAt, k.revokedAt, secret);
    }
}
