package io.techbridge.gateway.api;

import io.techbridge.gateway.accounts.OrganisationType;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new organisation; without an id one is derived from the name. */
public record OrganisationRequest(
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,63}", message = "2-64 lower-case letters, digits or '-'") String id,
        @NotBlank @Size(max = 200) String name,
        @NotNull OrganisationType type,
        @Pattern(regexp = "\\d{6}", message = "must be a 6-digit administrative region code (GB/T 2260)") String regionCode) {
}
