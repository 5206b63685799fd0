package io.techbridge.commons.web;

import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A NUL character (U+0000) can't be stored as text and is never meant: a query or path parameter
 * holding one is refused with a 400 naming it before any resource runs (JSON members: {@link StrictJson}).
 */
public class NulCharacters {

    static final String NUL = "\u0000";

    @ServerRequestFilter
    public Response refuse(ContainerRequestContext request) {
        Response refused = refuse(request, request.getUriInfo().getQueryParameters(), Problems::invalidQuery);
        return refused != null ? refused : refuse(request, request.getUriInfo().getPathParameters(), Problems::invalidPath);
    }

    private static Response refuse(ContainerRequestContext request, Map<String, List<String>> parameters,
            Refusal refusal) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            if (parameter.getKey().contains(NUL) || parameter.getValue().stream().anyMatch(v -> v != null && v.contains(NUL))) {
                String name = parameter.getKey().replace(NUL, "\\u0000");
                return refusal.apply(name, "no-nul", Problems.NUL_CHARACTER).problem()
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
