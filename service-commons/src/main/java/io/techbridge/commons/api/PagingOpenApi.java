package io.techbridge.commons.api;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Optional;

/**
 * Describes the paging of every list, from its parameters, so the description follows the code:
 * on each GET with a {@code page} query parameter, {@code page} and {@code size} and the
 * {@code Link} header of its 200 ({@link PageLinks} sends it on every page); where the list also
 * takes {@code cursor}, that parameter. A description an operation wrote itself stays.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class PagingOpenApi implements OASFilter {

    static final String CURSOR = "Where to go on: the nextCursor of the previous page (or its Link rel=\"next\"), "
            + "opaque; a walk by cursor neither skips nor repeats records when others are added meanwhile. "
            + "Not with page; one that was changed or belongs to another list is a 400 naming cursor";
    static final String PAGE = "Page number, from 0 (for people paging through); not with cursor";
    static final String SIZE = "Page size, 1–" + PageRequest.MAX_SIZE + " (default " + PageRequest.DEFAULT_SIZE + ")";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            Operation get = item.getOperations() == null ? null : item.getOperations().get(PathItem.HttpMethod.GET);
            if (get != null && query(get, "page").isPresent()) {
                describe(get);
            }
        });
    }

    private static void describe(Operation operation) {
        // Parsed by hand (so that "abc" is a 400 naming the parameter), but whole numbers on the wire.
        describe(query(operation, "page"), PAGE, OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                .format("int32").minimum(java.math.BigDecimal.ZERO));
        describe(query(operation, "size"), SIZE, OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                .format("int32").minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(PageRequest.MAX_SIZE))
                .defaultValue(PageRequest.DEFAULT_SIZE));
        describe(query(operation, Cursor.PARAMETER), CURSOR, OASFactory.createSchema()
                .addType(Schema.SchemaType.STRING).maxLength(Cursor.MAX_LENGTH));
        if (operation.getResponses() == null || operation.getResponses().getAPIResponse("200") == null) {
            return;
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok.getHeaders() == null || !ok.getHeaders().containsKey(PageLinks.HEADER)) {
            ok.addHeader(PageLinks.HEADER, OASFactory.createHeader().description(PageLinks.DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING))
                    .example("</api/achievements?size=20&cursor=WyIyMDI2LTAxLTAxVDA4OjAwOjAwWiIsIjQyIl0.h2nUeh3Ck0Y5>; "
                            + "rel=\"next\", </api/achievements?size=20>; rel=\"first\""));
        }
    }

    private static void describe(Optional<Parameter> parameter, String description, Schema schema) {
        parameter.ifPresent(p -> {
            if (p.getDescription() == null || p.getDescription().isBlank()) {
                p.description(description);
            }
            if (schema != null) {
                p.schema(schema);
            }
        });
    }

    private static Optional<Parameter> query(Operation operation, String name) {
        return operation.getParameters() == null ? Optional.empty() : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.QUERY && name.equals(p.getName())).findFirst();
    }
}
