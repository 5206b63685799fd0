package io.techbridge.gateway;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.List;
import java.util.Map;

/** The gateway in front of two stand-ins per service and a base URL per service where nothing listens. */
public class BalancedProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("techbridge.gateway.health-probe-interval", "500ms");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(EchoUpstreams.class, Map.of("instances", "2")));
    }
}
