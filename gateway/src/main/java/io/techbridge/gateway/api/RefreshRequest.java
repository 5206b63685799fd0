package io.techbridge.gateway.api;

import jakarta.validation.constraints.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The refresh token, when it is not sent as the cookie. */
public record RefreshRequest(
        @Pattern(regexp = "[A-Za-z0-9_-]{43}", message = "must be a refresh token as login or refresh returned it")
        @Schema(description = "the refresh token of the last login or refresh; leave it out to use the cookie")
        String refreshToken) {
}
