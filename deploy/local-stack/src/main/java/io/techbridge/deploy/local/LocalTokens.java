package io.techbridge.deploy.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Tokens signed with a local installation's own key, exactly as the gateway signs them (RS256,
 * issuer {@code techbridge}, claims {@code upn}, {@code groups}, {@code org}, {@code orgType}):
 * for the demo loader, which writes records on behalf of the demo organisations, and for tests.
 */
public final class LocalTokens {

    public static final String ISSUER = "techbridge";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrivateKey key;

    public LocalTokens(JwtKeyFiles keys) {
        this.key = keys.readPrivateKey();
    }

    /** A token of a role ({@code university}, {@code enterprise}, {@code broker}, {@code admin}) acting for the organisation. */
    public String token(String role, String organisationId, String organisationType, Duration lifetime) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", UUID.randomUUID().toString());
        claims.put("upn", role + "@" + organisationId);
        claims.put("groups", List.of(role));
        claims.put("org", organisationId);
        claims.put("orgType", organisationType);
        claims.put("name", role + " of " + organisationId);
        long now = Instant.now().getEpochSecond();
        claims.put("iat", now);
        claims.put("exp", now + lifetime.toSeconds());
        claims.put("jti", UUID.randomUUID().toString());
        return sign(claims);
    }

    public String sign(Map<String, Object> claims) {
        try {
            String header = base64(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")));
            String payload = base64(JSON.writeValueAsBytes(claims));
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
            return header + "." + payload + "." + base64(signature.sign());
        } catch (GeneralSecurityException | JsonProcessingException e) {
            throw new IllegalStateException("cannot sign a token", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
