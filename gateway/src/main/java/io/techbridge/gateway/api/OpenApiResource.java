package io.techbridge.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.LaunchMode;
import io.techbridge.gateway.openapi.OpenApiMerger;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;

@Path("/openapi")
@Tag(name = "API description", description = "This document")
public class OpenApiResource {

    private final OpenApiMerger merger;
    private final URI own;

    public OpenApiResource(OpenApiMerger merger,
            @ConfigProperty(name = "quarkus.management.port") int managementPort,
            @ConfigProperty(name = "quarkus.management.test-port", defaultValue = "9001") int managementTestPort) {
        this.merger = merger;
        // The gateway's own document is served on the management port, which only this machine reaches.
        int port = LaunchMode.current() == LaunchMode.TEST ? managementTestPort : managementPort;
        this.own = URI.create("http://127.0.0.1:" + port + "/q/openapi?format=json");
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getApiDescription", summary = "One OpenAPI document for all of TechBridge: the gateway's paths and every service's")
    // Described as a JSON object, not as the Jackson type that carries it (a client has no use for its internals).
    @APIResponse(responseCode = "200", description = "the OpenAPI 3.1 document",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.OBJECT,
                    description = "an OpenAPI 3.1 document (https://spec.openapis.org/oas/v3.1.0)")))
    public ObjectNode openapi(@Context HttpServerRequest request) {
        return merger.merged(own, URI.create(request.absoluteURI()).resolve("/"));
    }
}
