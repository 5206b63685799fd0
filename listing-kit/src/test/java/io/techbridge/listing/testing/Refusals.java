package io.techbridge.listing.testing;

import io.restassured.response.ValidatableResponse;
import io.techbridge.deploy.local.testing.TestTokens;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

/** What an authorisation matrix checks of a refused request: its problem, the tokens refused, nothing recorded. */
public final class Refusals {

    private Refusals() {
    }

    /** A problem+json answer of this status: 401 unauthenticated, 403 forbidden or 404 not-found. */
    public static void assertProblem(ValidatableResponse response, int status) {
        response.statusCode(status).contentType("application/problem+json").body("status", equalTo(status))
                .body("type", endsWith(switch (status) {
                    case 401 -> "/unauthenticated";
                    case 403 -> "/forbidden";
                    case 404 -> "/not-found";
                    default -> throw new IllegalArgumentException("status " + status);
                }));
    }

    /**
     * Tokens every endpoint refuses with 401, by kind: expired, expired a little longer ago than the
     * clock allowance (10 s: a disabled account's last access token stops working here within its
     * 50 s lifetime and that allowance), of a foreign issuer, with an invalid signature (made from
     * {@code valid}), and not a token at all. The first three name a user of {@code role}
     * ({@code university}) of the organisation.
     */
    public static Map<String, String> badTokens(String role, String organisation, String valid) {
        long now = Instant.now().getEpochSecond();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("expired", TestTokens.sign(claims(role, organisation, TestTokens.ISSUER, now - 7200, now - 60)));
        tokens.put("expired 15 s ago", TestTokens.sign(claims(role, organisation, TestTokens.ISSUER, now - 65, now - 15)));
        tokens.put("foreign issuer", TestTokens.sign(claims(role, organisation, "https://login.example.com", now,
                now + 3600)));
        tokens.put("invalid signature", valid.substring(0, valid.length() - 6)
                + (valid.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA"));
        tokens.put("not a token", "not-a-token");
        return tokens;
    }

    private static Map<String, Object> claims(String role, String organisation, String issuer, long issuedAt,
            long expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", issuer);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("upn", role + "@" + organisation);
        claims.put("groups", List.of(role));
        claims.put("org", organisation);
        claims.put("orgType", role.toUpperCase(Locale.ROOT));
        claims.put("iat", issuedAt);
        claims.put("exp", expiresAt);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    /** Events recorded for an aggregate (the outbox keeps relayed ones for a while). */
    public static long eventsOf(DataSource dataSource, String aggregateId) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select count(*) from outbox_event where aggregate_id = ?")) {
            statement.setString(1, aggregateId);
            try (ResultSet result = statement.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
