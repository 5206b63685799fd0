package io.techbridge.deploy.local.testing;

import io.techbridge.deploy.local.JwtKeyFiles;
import io.techbridge.deploy.local.LocalTokens;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * Access tokens for tests, signed like the gateway's with a key pair made for this test run under
 * {@code target/real-servers/jwt}. {@link RealServersResource} points the service's token check at
 * its public key, so these are the only tokens the application under test accepts.
 */
public final class TestTokens {

    public static final String ISSUER = LocalTokens.ISSUER;
    public static final String BROKER_ORGANISATION = "org-test-broker-agency";
    public static final String OPERATOR_ORGANISATION = "org-test-operator";
    private static JwtKeyFiles keys;
    private static LocalTokens signer;

    private TestTokens() {
    }

    public static synchronized JwtKeyFiles keys() {
        if (keys == null) {
            keys = JwtKeyFiles.in(Path.of("target", "real-servers", "jwt").toAbsolutePath()).ensure();
            signer = new LocalTokens(keys);
        }
        return keys;
    }

    public static String university(String organisationId) {
        return token("university", organisationId, "UNIVERSITY");
    }

    public static String enterprise(String organisationId) {
        return token("enterprise", organisationId, "ENTERPRISE");
    }

    public static String broker() {
        return token("broker", BROKER_ORGANISATION, "BROKER_AGENCY");
    }

    public static String admin() {
        return token("admin", OPERATOR_ORGANISATION, "OPERATOR");
    }

    public static String token(String role, String organisationId, String organisationType) {
        keys();
        return signer.token(role, organisationId, organisationType, Duration.ofHours(1));
    }

    /** Any claims, e.g. an expired or foreign-issuer token for a refusal test. */
    public static String sign(Map<String, Object> claims) {
        keys();
        return signer.sign(claims);
    }

    public static String bearer(String token) {
        return "Bearer " + token;
    }
}
