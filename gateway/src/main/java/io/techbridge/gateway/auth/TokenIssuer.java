package io.techbridge.gateway.auth;

import io.smallrye.jwt.build.Jwt;
import io.techbridge.commons.security.TokenClaims;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.persistence.UserAccount;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;

/**
 * Signs the access tokens every service verifies (RS256 with {@code smallrye.jwt.sign.key.location}):
 * the claims of the security contract, and the account's credentials version, by which the gateway
 * tells the tokens issued before the account was disabled or given a new password.
 */
@ApplicationScoped
public class TokenIssuer {

    /** The account's credentials version when the token was issued. */
    public static final String CREDENTIALS_VERSION = "cver";

    public record IssuedToken(String token, Duration lifetime) {
    }

    private final GatewayConfig config;

    public TokenIssuer(GatewayConfig config) {
        this.config = config;
    }

    public IssuedToken issue(UserAccount user) {
        Duration lifetime = config.token().lifetime();
        Instant now = Instant.now();
        String token = Jwt.issuer(TokenClaims.ISSUER)
                .subject(user.id.toString())
                .upn(user.username)
                .groups(Set.of(user.organisation.type.role().claim()))
                .claim(TokenClaims.ORGANISATION, user.organisation.id)
                .claim(TokenClaims.ORGANISATION_TYPE, user.organisation.type.name())
                .claim(TokenClaims.ORGANISATION_NAME, user.organisation.name)
                .claim(TokenClaims.DISPLAY_NAME, user.displayName)
                .claim(CREDENTIALS_VERSION, user.credentialsVersion)
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new IssuedToken(token, lifetime);
    }

    /**
     * A token for a machine holding an API key: the key's organisation and its role, the key's id as
     * subject and {@code key:<name>} as login name, so services, logs and the audit trail tell it apart.
     */
    public IssuedToken issue(ApiKeys.Key key) {
        Duration lifetime = config.token().lifetime();
        Instant now = Instant.now();
        String token = Jwt.issuer(TokenClaims.ISSUER)
                .subject(key.id().toString())
                .upn("key:" + key.name())
                .groups(Set.of(key.organisationType().role().claim()))
                .claim(TokenClaims.ORGANISATION, key.organisationId())
                .claim(TokenClaims.ORGANISATION_TYPE, key.organisationType().name())
                .claim(TokenClaims.ORGANISATION_NAME, key.organisationName())
                .claim(TokenClaims.DISPLAY_NAME, key.name())
                .issuedAt(now)
                .expiresAt(now.plus(lifetime))
                .jws().algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256)
                .sign();
        return new IssuedToken(token, lifetime);
    }
}
