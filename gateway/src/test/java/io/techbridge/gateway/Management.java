package io.techbridge.gateway;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.ConfigProvider;

/** The gateway's management interface in a test: health, metrics, its own OpenAPI document, Swagger UI. */
final class Management {

    private Management() {
    }

    /** A request to it; the port is the one taken at start (the configured test port is 0). */
    static RequestSpecification given() {
        return RestAssured.given().port(ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class));
    }
}
