package io.techbridge.commons.security;

import io.techbridge.commons.problem.ProblemException;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A logged-in caller whose role may not call an endpoint at all ({@link AllowedRoles}) is answered
 * 403 before the body is read, deserialised or validated, and before any query parameter is checked.
 * A caller without a token is left to {@link AnonymousWrites} (a change: 401) or to the endpoint.
 */
public class RoleChecks {

    @Inject
    Caller caller;

    @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
    public Response refuse(ContainerRequestContext request, ResourceInfo resource) {
        AllowedRoles allowed = allowedRoles(resource);
        if (allowed == null || caller.isAnonymous()) {
            return null;
        }
        try {
            caller.requireRole(allowed.value());
            return null;
        } catch (ProblemException refused) {
            return refused.problem().withInstance(request.getUriInfo().getPath()).toResponse();
        }
    }

    /** The method's own, else its class's. */
    static AllowedRoles allowedRoles(ResourceInfo resource) {
        if (resource.getResourceMethod() != null) {
            AllowedRoles own = resource.getResourceMethod().getAnnotation(AllowedRoles.class);
            if (own != null) {
                return own;
            }
        }
        return resource.getResourceClass() == null ? null : resource.getResourceClass().getAnnotation(AllowedRoles.class);
    }
}
