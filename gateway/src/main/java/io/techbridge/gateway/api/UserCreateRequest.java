package io.techbridge.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new account; its role follows from the organisation's type. {@code enabled} defaults to true. */
public record UserCreateRequest(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._@-]{2,63}",
                message = "3-64 letters, digits, '.', '_', '@' or '-', starting with a letter or digit") String username,
        @NotBlank @Size(max = 100) String displayName,
        @NotNull @Size(max = 1024) String password,
        @NotBlank @Size(max = 64) String organisationId,
        Boolean enabled) {
}
