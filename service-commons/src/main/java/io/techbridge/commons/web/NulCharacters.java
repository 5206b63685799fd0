package io.techbridge.commons.web;

import io.techbridge.commons.problem.Problems;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * A NUL character (U+0000) can't be stored as text and is never meant: a query parameter holding
 * one is refused with a 400 naming it before any resource runs (JSON members: {@link StrictJson}).
 */
public class NulCharacters {

    static final String NUL = "\u0000";

    @ServerRequestFilter
    public Response refuse(ContainerRequestContext request) {
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().contains(NUL) || parameter.getValue().stream().anyMatch(v -> v != null && v.contains(NUL))) {
                String name = parameter.getKey().replace(NUL, "\\u0000");
                return Problems.invalidQuery(name, "no-nul", Problems.NUL_CHARACTER).problem()
                        .withInstance(request.getUriInfo().getPath()).toResponse();
            }
        }
        return null;
    }
}
