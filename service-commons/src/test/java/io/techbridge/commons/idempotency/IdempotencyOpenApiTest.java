package io.techbridge.commons.idempotency;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.jboss.jandex.Index;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The API description names the header on the operations of @Idempotent methods, and only there. */
class IdempotencyOpenApiTest {

    @Path("/api/things/")
    static class Things {
        @POST
        @Idempotent
        public Response create() {
            return null;
        }

        @POST
        @Idempotent
        @Path("{id: [0-9a-f-]+}/parts")
        public Response addPart() {
            return null;
        }

        @PUT
        @Path("/{id}")
        public Response update() {
            return null;
        }

        @GET
        public Response list() {
            return null;
        }
    }

    @Test
    void pathsAreJoinedAsTheDocumentWritesThem() {
        assertEquals("/api/things", IdempotencyOpenApi.path("/api/things/", null));
        assertEquals("/api/things/{id}/parts", IdempotencyOpenApi.path("/api/things/", "{id: [0-9a-f-]+}/parts"));
        assertEquals("/api/admin/reindex", IdempotencyOpenApi.path("api/admin//reindex", ""));
        assertEquals("/", IdempotencyOpenApi.path(null, null));
    }

    @Test
    void theIdempotentMethodsOfTheIndexAreFound() throws IOException {
        assertEquals(Set.of(new IdempotencyOpenApi.Endpoint("POST", "/api/things"),
                        new IdempotencyOpenApi.Endpoint("POST", "/api/things/{id}/parts")),
                IdempotencyOpenApi.endpoints(Index.of(Things.class)));
    }

    @Test
    void theHeaderAndTheRefusalsAreDescribedOnThoseOperationsOnly() throws IOException {
        Operation create = OASFactory.createOperation()
                .responses(OASFactory.createAPIResponses().addAPIResponse("409", OASFactory.createAPIResponse()
                        .description("possible-duplicate")));
        Operation part = OASFactory.createOperation();
        Operation update = OASFactory.createOperation();
        Operation list = OASFactory.createOperation();
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/things", OASFactory.createPathItem().POST(create).GET(list))
                .addPathItem("/api/things/{id}/parts", OASFactory.createPathItem().POST(part))
                .addPathItem("/api/things/{id}", OASFactory.createPathItem().PUT(update)));

        new IdempotencyOpenApi(Index.of(Things.class)).filterOpenAPI(document);

        for (Operation idempotent : new Operation[] {create, part}) {
            assertEquals(1, idempotent.getParameters().size());
            assertEquals(IdempotencyKey.HEADER, idempotent.getParameters().get(0).getName());
            assertEquals(IdempotencyKey.MAX_LENGTH, idempotent.getParameters().get(0).getSchema().getMaxLength());
            assertEquals(true, idempotent.getResponses().hasAPIResponse("422"));
        }
        assertEquals(true, create.getResponses().getAPIResponse("409").getDescription().startsWith("possible-duplicate; or "));
        assertEquals(null, update.getParameters());
        assertEquals(null, list.getParameters());
        assertEquals(null, list.getResponses());
    }
}
