package io.techbridge.commons.idempotency;

import jakarta.enterprise.context.RequestScoped;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the current request to an {@link Idempotent} method says about itself: its key (none
 * without the header), method, path, query, content type and the hash of its raw body, gathered
 * by {@link IdempotencyFilter} and {@link RequestBodyHash} before the method runs.
 */
@RequestScoped
public class IdempotentRequest {

    private String key;
    private String method;
    private String path;
    private Map<String, List<String>> query = Map.of();
    private String contentType = "";
    private byte[] bodyHash;

    public void start(String key, String method, String path, Map<String, List<String>> query, String contentType) {
        this.key = key;
        this.method = method;
        this.path = path;
        this.query = new TreeMap<>(query);
        this.contentType = contentType == null ? "" : contentType;
    }

    /** Whether the request carries a key (its body is then hashed as it is read). */
    public boolean keyed() {
        return key != null;
    }

    public void bodyRead(byte[] hash) {
        this.bodyHash = hash;
    }

    public String key() {
        return key;
    }

    public String method() {
        return method;
    }

    public String path() {
        return path;
    }

    /**
     * SHA-256 of what makes two requests with one key the same request: the query parameters
     * (decoded, by name; each name's values in the order sent), the media type of the body and
     * the body's raw bytes (not re-serialised: a file upload is compared byte for byte).
     */
    public byte[] fingerprint() {
        MessageDigest digest = sha256();
        StringBuilder parameters = new StringBuilder();
        query.forEach((name, values) -> values.forEach(value -> parameters.append(name.length()).append(':').append(name)
                .append('=').append(value.length()).append(':').append(value).append('&')));
        update(digest, parameters.toString());
        update(digest, contentType);
        digest.update(bodyHash == null ? new byte[0] : bodyHash);
        return digest.digest();
    }

    /** PBKDF2 iterations of {@link #stretched}, as many as the gateway spends on a password hash. */
    static final int STRETCH_ITERATIONS = 210_000;

    /**
     * A request's fingerprint made slow to recompute (PBKDF2-HMAC-SHA256, salted with the key's
     * scope), for a body that carries a secret: from the stored value, guessing the secret costs as
     * much as guessing it from a password hash.
     */
    public static byte[] stretched(byte[] fingerprint, byte[] scope) {
        try {
            PBEKeySpec spec = new PBEKeySpec(HexFormat.of().formatHex(fingerprint).toCharArray(), scope,
                    STRETCH_ITERATIONS, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** One length-prefixed part, so that no two different sequences of parts hash alike. */
    static void update(MessageDigest digest, String part) {
        byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
        digest.update(new byte[] {(byte) (bytes.length >>> 24), (byte) (bytes.length >>> 16), (byte) (bytes.length >>> 8),
                (byte) bytes.length});
        digest.update(bytes);
    }
}
