package io.techbridge.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.techbridge.deploy.local.testing.TestTokens;

import java.util.Map;

/** The gateway signs with the private half of the test key pair, so its tokens and TestTokens' verify alike. */
public final class SigningKeyResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of("smallrye.jwt.sign.key.location", TestTokens.keys().privateKey().toUri().toString());
    }

    @Override
    public void stop() {
    }
}
