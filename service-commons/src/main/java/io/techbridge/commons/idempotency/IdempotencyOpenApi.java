package io.techbridge.commons.idempotency;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.DotName;
import org.jboss.jandex.IndexView;
import org.jboss.jandex.MethodInfo;
import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Describes the {@code Idempotency-Key} header on every operation whose resource method is
 * {@link Idempotent}, with its 409 and 422 answers, so that the API description follows the
 * annotation and never drifts from it. Runs when the OpenAPI document is built, over the
 * service's class index.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class IdempotencyOpenApi implements OASFilter {

    private static final Logger LOG = Logger.getLogger(IdempotencyOpenApi.class);
    private static final DotName IDEMPOTENT = DotName.createSimple(Idempotent.class);
    private static final DotName PATH = DotName.createSimple(jakarta.ws.rs.Path.class);
    private static final DotName HTTP_METHOD = DotName.createSimple(jakarta.ws.rs.HttpMethod.class);

    /** An idempotent operation: its HTTP method and its path as the OpenAPI document writes it. */
    public record Endpoint(String method, String path) implements Comparable<Endpoint> {
        @Override
        public int compareTo(Endpoint other) {
            return (path + " " + method).compareTo(other.path + " " + other.method);
        }
    }

    private final Set<Endpoint> endpoints;

    public IdempotencyOpenApi(IndexView index) {
        this.endpoints = endpoints(index);
    }

    /** The {@link Idempotent} resource methods of the index. */
    public static Set<Endpoint> endpoints(IndexView index) {
        Set<Endpoint> found = new TreeSet<>();
        for (AnnotationInstance annotation : index.getAnnotations(IDEMPOTENT)) {
            if (annotation.target().kind() != AnnotationTarget.Kind.METHOD) {
                continue;
            }
            MethodInfo method = annotation.target().asMethod();
            AnnotationInstance classPath = method.declaringClass().declaredAnnotation(PATH);
            AnnotationInstance methodPath = method.declaredAnnotation(PATH);
            for (AnnotationInstance candidate : method.declaredAnnotations()) {
                org.jboss.jandex.ClassInfo type = index.getClassByName(candidate.name());
                String verb = type != null && type.declaredAnnotation(HTTP_METHOD) != null
                        ? type.declaredAnnotation(HTTP_METHOD).value().asString() : knownVerb(candidate.name());
                if (verb != null) {
                    found.add(new Endpoint(verb, path(classPath == null ? null : classPath.value().asString(),
                            methodPath == null ? null : methodPath.value().asString())));
                }
            }
        }
        return found;
    }

    /** The JAX-RS method annotations, which a service's own index does not hold. */
    private static String knownVerb(DotName annotation) {
        if (!annotation.packagePrefix().equals("jakarta.ws.rs")) {
            return null;
        }
        return switch (annotation.local()) {
            case "GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS" -> annotation.local();
            default -> null;
        };
    }

    /** The class and method paths joined as OpenAPI writes them: one leading slash, none trailing, template names only. */
    public static String path(String classPath, String methodPath) {
        String joined = "/" + (classPath == null ? "" : classPath) + "/" + (methodPath == null ? "" : methodPath);
        String path = joined.replaceAll("\\{\\s*([^}:\\s]+)\\s*(:[^}]*)?}", "{$1}").replaceAll("/{2,}", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Set<Endpoint> described = new HashSet<>();
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            for (Map.Entry<String, PathItem> item : openAPI.getPaths().getPathItems().entrySet()) {
                if (item.getValue().getOperations() == null) {
                    continue;
                }
                for (Map.Entry<PathItem.HttpMethod, Operation> operation : item.getValue().getOperations().entrySet()) {
                    Endpoint endpoint = new Endpoint(operation.getKey().name().toUpperCase(Locale.ROOT), path(item.getKey(), null));
                    if (endpoints.contains(endpoint)) {
                        describe(operation.getValue());
                        described.add(endpoint);
                    }
                }
            }
        }
        for (Endpoint endpoint : endpoints) {
            if (!described.contains(endpoint)) {
                LOG.warnf("@Idempotent %s %s is not in the OpenAPI document; its Idempotency-Key is not described",
                        endpoint.method(), endpoint.path());
            }
        }
    }

    private static void describe(Operation operation) {
        boolean present = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> IdempotencyKey.HEADER.equalsIgnoreCase(p.getName()) && p.getIn() == Parameter.In.HEADER);
        if (!present) {
            operation.addParameter(OASFactory.createParameter()
                    .name(IdempotencyKey.HEADER)
                    .in(Parameter.In.HEADER)
                    .required(false)
                    .description(IdempotencyKey.DESCRIPTION)
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).minLength(1)
                            .maxLength(IdempotencyKey.MAX_LENGTH).pattern(IdempotencyKey.PATTERN))
                    .example("8e03978e-40d5-43e8-bc93-6894a57f9324"));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        if (!responses.hasAPIResponse("409")) {
            responses.addAPIResponse("409", OASFactory.createAPIResponse().description("Conflict"));
        }
        String conflict = responses.getAPIResponse("409").getDescription();
        responses.getAPIResponse("409").description((conflict == null || conflict.isBlank() ? "Conflict" : conflict)
                + "; or idempotency-key-in-progress: a request with this Idempotency-Key is being worked on");
        if (!responses.hasAPIResponse("422")) {
            responses.addAPIResponse("422", OASFactory.createAPIResponse()
                    .description("idempotency-key-reused: this Idempotency-Key was sent with another request (body or query)"));
        }
    }
}
