package io.techbridge.gateway.api;

/** A fresh access token and who it speaks for. */
public record LoginResponse(String accessToken, String tokenType, long expiresIn, UserSummary user) {
}
