package io.techbridge.gateway.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

public record LoginRequest(
        @NotBlank @Size(max = 64) String username,
        @NotBlank @Size(max = 1024) String password,
        @Schema(description = "true: the refresh token is set as an HttpOnly cookie (SameSite=Strict, Path=/api/auth) "
                + "instead of returned in the body; for browsers")
        Boolean refreshCookie) {

    public boolean wantsCookie() {
        return Boolean.TRUE.equals(refreshCookie);
    }
}
