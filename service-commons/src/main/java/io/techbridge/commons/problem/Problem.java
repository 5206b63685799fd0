package io.techbridge.commons.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem document ({@code application/problem+json}). {@code violations} names each
 * offending field and the rule it broke; {@code extensions} carries problem-specific members
 * such as the current version in a conflict.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        URI type,
        String title,
        int status,
        String detail,
        String instance,
        List<Violation> violations,
        Map<String, Object> context) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://techbridge.io/problems/";

    /** One broken rule: the field (a JSON path such as {@code contact.email} or {@code keywords[2]}), the rule and why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Violation(String field, String in, String rule, String message) {
    }

    /** A context member that is also sent as the Retry-After header (a 429 or 503 the client may retry). */
    public static final String RETRY_AFTER_SECONDS = "retryAfterSeconds";

    public static Problem of(Response.Status status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status.getStatusCode(), detail, null, List.of(), Map.of());
    }

    public Problem withViolations(List<Violation> newViolations) {
        return new Problem(type, title, status, detail, instance, newViolations, context);
    }

    public Problem withContext(Map<String, Object> newContext) {
        return new Problem(type, title, status, detail, instance, violations, newContext);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, violations, context);
    }

    public Response toResponse() {
        Response.ResponseBuilder response = Response.status(status).type(MEDIA_TYPE).entity(this);
        headers().forEach(response::header);
        return response.build();
    }

    /** The headers that go with this problem, whoever writes it: the challenge of a 401, the wait of a retry. */
    public Map<String, String> headers() {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (status == 401) {
            headers.put("WWW-Authenticate", "Bearer realm=\"techbridge\"");
        }
        if (context != null && context.get(RETRY_AFTER_SECONDS) != null) {
            headers.put("Retry-After", context.get(RETRY_AFTER_SECONDS).toString());
        }
        return headers;
    }
}
