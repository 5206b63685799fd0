package io.techbridge.commons.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.techbridge.commons.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Security failures as problem+json, like every other error. */
public class SecurityProblemMappers {

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return Problem.of(Status.UNAUTHORIZED, "unauthenticated", "Login required",
                "the token is missing, expired, or not signed by TechBridge").withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return Problem.of(Status.UNAUTHORIZED, "unauthenticated", "Login required",
                "this operation needs a login; send Authorization: Bearer <token>").withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problem.of(Status.FORBIDDEN, "forbidden", "Not allowed", "your role may not do this")
                .withInstance(uri.getPath()).toResponse();
    }
}
