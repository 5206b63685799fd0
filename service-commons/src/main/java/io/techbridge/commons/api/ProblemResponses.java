package io.techbridge.commons.api;

import io.techbridge.commons.problem.Problem;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Describes the problems every operation can answer, so a generated client knows their shape:
 * the {@code Problem} schema ({@code application/problem+json}, with its violations) and, per
 * operation, the statuses the platform's shared rules produce — 400 for a bad parameter or body,
 * 401 for a missing or invalid token on a change, 403 for a change the caller may not make, 404
 * for an unknown id, 409 for a stale version or a state that forbids the change, 413 and 415 for
 * an upload too large or of another type. An operation's own annotations win.
 */
public class ProblemResponses implements OASFilter {

    static final String SCHEMA = "Problem";
    /**
     * On a read only some roles may make, {@code @Extension(name = FORBIDDEN, value = "who may")}:
     * the read is described with its 403 (a change always is).
     */
    public static final String FORBIDDEN = "x-forbidden-unless";
    private static final String REF = "#/components/schemas/" + SCHEMA;

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSchema(SCHEMA, problemSchema());
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        boolean change = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD
                && method != PathItem.HttpMethod.OPTIONS;
        boolean hasInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        Map<String, String> problems = new LinkedHashMap<>();
        if (hasInput || change) {
            problems.put("400", "a parameter or the body breaks a rule: violations name each field and rule");
        }
        problems.put("401", change ? "no token, or one that is invalid or expired" : "the token sent is invalid or expired");
        Object forbiddenUnless = operation.getExtensions() == null ? null : operation.getExtensions().get(FORBIDDEN);
        if (forbiddenUnless != null) {
            operation.removeExtension(FORBIDDEN);
            problems.put("403", "only " + forbiddenUnless + " may read this");
        } else if (change) {
            problems.put("403", "the caller's role or organisation may not do this");
        }
        if (path.contains("{")) {
            problems.put("404", "no such record, or one the caller may not see");
        }
        if (change && path.contains("{")) {
            problems.put("409", "the version sent is not the current one, or the record's state does not allow this");
        }
        if (operation.getRequestBody() != null) {
            problems.put("413", "the body is larger than the service accepts");
            problems.put("415", "the body is not of a type this operation reads");
        }
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses()
                : operation.getResponses();
        problems.forEach((status, description) -> {
            if (responses.getAPIResponse(status) == null) {
                responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
            }
        });
        // Whoever described a problem (Bean Validation's 400 included), its body is a Problem.
        responses.getAPIResponses().forEach((status, response) -> {
            if (!status.startsWith("4") && !status.startsWith("5")) {
                return;
            }
            if (response.getContent() == null || response.getContent().getMediaType(Problem.MEDIA_TYPE) == null) {
                response.content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(REF))));
            } else if (response.getContent().getMediaType(Problem.MEDIA_TYPE).getSchema() == null) {
                response.getContent().getMediaType(Problem.MEDIA_TYPE).schema(OASFactory.createSchema().ref(REF));
            }
        });
        operation.setResponses(responses);
    }

    private static Schema problemSchema() {
        Schema violation = OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .addProperty("field", string("the offending member (a JSON path such as contact.email), parameter or header"))
                .addProperty("in", string("where it was: body, query, path or header"))
                .addProperty("rule", string("the rule it broke, e.g. NotBlank, Size, unique-member"))
                .addProperty("message", string("why, in words"));
        return OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details; every 4xx and 5xx answer of the API")
                .addProperty("type", string("a URI naming the kind of problem"))
                .addProperty("title", string("the kind of problem, in words"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", string("this occurrence, in words"))
                .addProperty("instance", string("the path of the request"))
                .addProperty("violations", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(violation))
                .addProperty("context", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                        .description("problem-specific members, e.g. the current version or the duplicate candidates"))
                .required(List.of("type", "title", "status"));
    }

    private static Schema string(String description) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).description(description);
    }
}
