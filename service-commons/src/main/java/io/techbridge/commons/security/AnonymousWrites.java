package io.techbridge.commons.security;

import io.techbridge.commons.problem.Problems;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Set;

/**
 * A change sent without a token is answered 401 before its body is read: an anonymous caller
 * learns nothing from validation messages about what a valid request would look like. The few
 * changes anyone may send (a login) are marked {@link PermitAll}. It runs before every other check
 * of the request (a query parameter's, the role's of {@link RoleChecks}).
 */
public class AnonymousWrites {

    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Response refuse(ContainerRequestContext request, ResourceInfo resource) {
        if (READS.contains(request.getMethod()) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        if (resource.getResourceMethod() != null && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class))) {
            return null;
        }
        return Problems.unauthenticated("this operation needs a login; send Authorization: Bearer <token>").problem()
                .withInstance(request.getUriInfo().getPath()).toResponse();
    }
}
