package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/**
 * Two stand-ins per service, the first of each taking every request and dropping the connection
 * without an answer (as an instance killed in the middle of a request), the second answering.
 */
public class RetryingProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("techbridge.gateway.health-probe-interval", "500ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EchoUpstreams.class,
                Map.of("instances", "2", "dropping", "achievement,demand,matching")));
    }
}
