package io.techbridge.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new API key for one organisation's system. */
public record ApiKeyRequest(
        @NotBlank @Size(max = 64) String organisationId,
        @Schema(description = "what the key is for, e.g. the system that holds it", examples = "科研管理系统 nightly sync")
        @NotBlank @Size(max = 100) String name,
        @Schema(description = "READ: GET requests only; WRITE: whatever the organisation's role may do", enumeration = {"READ", "WRITE"})
        @NotNull @Pattern(regexp = "READ|WRITE", message = "must be READ or WRITE") String scope) {
}
