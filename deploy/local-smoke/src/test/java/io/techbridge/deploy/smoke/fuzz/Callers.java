package io.techbridge.deploy.smoke.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.LocalTokens;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a request comes from, by name: {@code anonymous}; {@code <role>@<organisation>} with a token
 * signed by the installation's key, as the gateway issues them; or a token no service may accept
 * ({@link #BAD}: expired, signed by another key, tampered with, unsigned, not a token at all).
 */
public final class Callers {

    public static final String ANONYMOUS = "anonymous";
    public static final List<String> BAD = List.of("expired-token", "foreign-key-token", "tampered-token",
            "unsigned-token", "garbage-token", "basic-auth", "empty-bearer");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> ORGANISATION_TYPES = Map.of("university", "UNIVERSITY",
            "enterprise", "ENTERPRISE", "broker", "BROKER_AGENCY", "admin", "OPERATOR");

    private final LocalTokens tokens;
    private final PrivateKey foreignKey;
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    public Callers(LocalTokens tokens) {
        this.tokens = tokens;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.foreignKey = generator.generateKeyPair().getPrivate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String of(String role, String organisationId) {
        return role + "@" + organisationId;
    }

    /** The Authorization header of a caller, none for {@link #ANONYMOUS}. */
    public Optional<String> authorization(String caller) {
        if (caller.equals(ANONYMOUS)) {
            return Optional.empty();
        }
        return Optional.of(issued.computeIfAbsent(caller, this::make));
    }

    private String make(String caller) {
        return switch (caller) {
            case "expired-token" -> "Bearer " + tokens.sign(claims("broker", "org-techbridge-brokers", -3600));
            case "foreign-key-token" -> "Bearer " + sign(claims("admin", "org-operator", 3600), foreignKey);
            case "tampered-token" -> {
                String token = tokens.token("university", "org-zju", "UNIVERSITY", Duration.ofHours(2));
                String[] parts = token.split("\\.");
                Map<String, Object> claims = claims("admin", "org-operator", 3600);
                yield "Bearer " + parts[0] + "." + base64(json(claims)) + "." + parts[2];
            }
            case "unsigned-token" -> "Bearer " + base64(json(Map.of("alg", "none", "typ", "JWT"))) + "."
                    + base64(json(claims("admin", "org-operator", 3600))) + ".";
            case "garbage-token" -> "Bearer abc.def.ghi";
            case "basic-auth" -> "Basic " + Base64.getEncoder().encodeToString("admin:admin".getBytes(StandardCharsets.UTF_8));
            case "empty-bearer" -> "Bearer ";
            default -> {
                int at = caller.indexOf('@');
                String role = caller.substring(0, at);
                String organisation = caller.substring(at + 1);
                yield "Bearer " + tokens.token(role, organisation, ORGANISATION_TYPES.getOrDefault(role, "UNIVERSITY"),
                        Duration.ofHours(2));
            }
        };
    }

    private static Map<String, Object> claims(String role, String organisation, long secondsLeft) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", LocalTokens.ISSUER);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("upn", role + "@" + organisation);
        claims.put("groups", List.of(role));
        claims.put("org", organisation);
        claims.put("orgType", ORGANISATION_TYPES.get(role));
        claims.put("iat", now - 7200);
        claims.put("exp", now + secondsLeft);
        claims.put("jti", UUID.randomUUID().toString());
        return claims;
    }

    private static String sign(Map<String, Object> claims, PrivateKey key) {
        try {
            String header = base64(json(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = base64(json(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] json(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
