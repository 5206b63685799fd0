package io.techbridge.gateway.openapi;

import io.techbridge.commons.api.ProblemResponses;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;

/** The gateway's own operations answer what every service's do, and 429 when a limit is spent. */
public class GatewayProblemResponses extends ProblemResponses {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        super.filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(operation -> {
            if (operation.getResponses() != null && operation.getResponses().getAPIResponse("429") == null) {
                operation.getResponses().addAPIResponse("429", OASFactory.createAPIResponse()
                        .description("too many requests from this account or address; Retry-After says when to try again")
                        .content(OASFactory.createContent().addMediaType("application/problem+json",
                                OASFactory.createMediaType().schema(OASFactory.createSchema()
                                        .ref("#/components/schemas/Problem")))));
            }
        }));
    }
}
