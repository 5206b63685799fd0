package io.techbridge.gateway.accounts;

import io.techbridge.gateway.config.GatewayConfig;
import io.quarkus.runtime.LaunchMode;
import jakarta.enterprise.context.ApplicationScoped;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Slow, salted password hashes (PBKDF2 with HMAC-SHA256 from the JDK), stored as
 * {@code pbkdf2-sha256$iterations$salt$hash} so each hash carries its own cost and the cost for
 * new hashes can be raised later without invalidating old ones.
 */
@ApplicationScoped
public class PasswordHasher {

    static final String SCHEME = "pbkdf2-sha256";
    private static final String JDK_ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BITS = 256;
    /** Below this the hash is too cheap to brute-force slowly (OWASP 2023 for PBKDF2-HMAC-SHA256). */
    static final int MIN_ITERATIONS = 210_000;

    private final SecureRandom random = new SecureRandom();
    private final int iterations;
    /** Compared against when the user does not exist, so a wrong name costs as much time as a wrong password. */
    private final String decoy;

    public PasswordHasher(GatewayConfig config) {
        // The test profile hashes cheaply (its accounts guard nothing, and every login would cost a
        // fifth of a second of CPU); a running gateway never hashes below the floor, whatever is configured.
        this.iterations = LaunchMode.current() == LaunchMode.TEST ? config.password().iterations()
                : Math.max(MIN_ITERATIONS, config.password().iterations());
        this.decoy = hash("decoy-password-never-matches".toCharArray());
    }

    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, iterations);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return SCHEME + "$" + iterations + "$" + b64.encodeToString(salt) + "$" + b64.encodeToString(hash);
    }

    public boolean verify(char[] password, String encoded) {
        String[] parts = encoded == null ? new String[0] : encoded.split("\\$");
        if (parts.length != 4 || !SCHEME.equals(parts[0])) {
            return false;
        }
        try {
            int cost = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            // Constant time: the comparison does not stop at the first differing byte.
            return MessageDigest.isEqual(derive(password, salt, cost), expected);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    /** Spends the same time as a real check, for a login name that does not exist. */
    public void verifyDecoy(char[] password) {
        verify(password, decoy);
    }

    /** True when the stored hash is cheaper than what new hashes use. */
    public boolean needsRehash(String encoded) {
        String[] parts = encoded.split("\\$");
        try {
            return parts.length != 4 || !SCHEME.equals(parts[0]) || Integer.parseInt(parts[1]) < iterations;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    private static byte[] derive(char[] password, byte[] salt, int iterations) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, HASH_BITS);
        try {
            return SecretKeyFactory.getInstance(JDK_ALGORITHM).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks " + JDK_ALGORITHM, e);
        } finally {
            spec.clearPassword();
        }
    }
}
