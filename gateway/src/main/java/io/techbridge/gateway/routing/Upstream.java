package io.techbridge.gateway.routing;

/** The services behind the gateway. */
public enum Upstream {
    ACHIEVEMENT("achievement-service"),
    DEMAND("demand-service"),
    MATCHING("matching-service");

    private final String service;

    Upstream(String service) {
        this.service = service;
    }

    public String service() {
        return service;
    }
}
