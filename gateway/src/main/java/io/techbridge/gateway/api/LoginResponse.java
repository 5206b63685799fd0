package io.techbridge.gateway.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fresh access token (valid {@code expiresIn} seconds) and who it speaks for; the refresh token
 * that gets the next one, unless it was set as a cookie, and the seconds until the session ends.
 */
public record LoginResponse(String accessToken, String tokenType, long expiresIn,
        @JsonInclude(JsonInclude.Include.NON_NULL) String refreshToken, long refreshExpiresIn, UserSummary user) {
}
