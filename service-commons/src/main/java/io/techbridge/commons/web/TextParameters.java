package io.techbridge.commons.web;

import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A query or path parameter (its name or a value) holding a character no text may hold
 * ({@link TextCharacters}: NUL, control characters, lone surrogates, bidirectional controls) is refused
 * with a 400 naming it before any resource runs (JSON members: {@link StrictJson}).
 */
public class TextParameters {

    @ServerRequestFilter
    public Response refuse(ContainerRequestContext request) {
        Response refused = refuse(request, request.getUriInfo().getQueryParameters(), Problems::invalidQuery);
        return refused != null ? refused : refuse(request, request.getUriInfo().getPathParameters(), Problems::invalidPath);
    }

    private static Response refuse(ContainerRequestContext request, Map<String, List<String>> parameters,
            Refusal refusal) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            TextCharacters.Refusal refused = TextCharacters.check(parameter.getKey());
            for (int i = 0; refused == null && i < parameter.getValue().size(); i++) {
                refused = TextCharacters.check(parameter.getValue().get(i));
            }
            if (refused != null) {
                String name = parameter.getKey().codePoints().mapToObj(c -> Character.isISOControl(c) || Character.getType(c) == Character.FORMAT
                        || Character.getType(c) == Character.SURROGATE ? String.format("\\u%04X", c) : Character.toString(c))
                        .collect(java.util.stream.Collectors.joining());
                return refusal.apply(name, refused.rule(), refused.message()).problem()
                        .withInstance(request.getUriInfo().getPath()).toResponse();
            }
        }
        return null;
    }

    /** {@link Problems#invalidQuery} or {@link Problems#invalidPath}. */
    @FunctionalInterface
    private interface Refusal {
        ProblemException apply(String parameter, String rule, String message);
    }
}
