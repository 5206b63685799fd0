package io.techbridge.gateway.api;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial change of an account: only the members sent are changed. */
public record UserUpdateRequest(
        @Size(min = 1, max = 100) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String displayName,
        Boolean enabled,
        @Size(max = 1024) String password) {
}
