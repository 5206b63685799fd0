package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** Small rate limits, and demand-service down (nothing listens on its port until a test brings it up). */
public class ConstrainedProfile implements QuarkusTestProfile {

    static final int PER_ACCOUNT = 5;
    static final int LOGINS = 3;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "techbridge.gateway.rate-limit.per-account", Integer.toString(PER_ACCOUNT),
                "techbridge.gateway.rate-limit.login", Integer.toString(LOGINS),
                "techbridge.gateway.rate-limit.per-address", "1000",
                "techbridge.gateway.rate-limit.window", "10m",
                // Long enough for a test to bring demand-service up between the two tries.
                "techbridge.gateway.connect-retry-after", "1s");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EchoUpstreams.class, Map.of("down", "demand")));
    }
}
