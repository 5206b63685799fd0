package io.techbridge.commons.idempotency;

import io.techbridge.commons.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.Locale;
import java.util.Optional;

/**
 * Reads the {@code Idempotency-Key} of a request to an {@link Idempotent} method before its body
 * is read: a malformed key is a 400 problem naming the header. It runs after the refusal of
 * anonymous changes ({@code security.AnonymousWrites}), so a request without a token gets its 401 first.
 */
public class IdempotencyFilter {

    private final IdempotentRequest request;

    public IdempotencyFilter(IdempotentRequest request) {
        this.request = request;
    }

    @ServerRequestFilter(priority = Priorities.USER + 10)
    public Response readKey(ContainerRequestContext context, ResourceInfo resource) {
        if (resource.getResourceMethod() == null || !resource.getResourceMethod().isAnnotationPresent(Idempotent.class)) {
            return null;
        }
        Optional<String> key;
        try {
            key = IdempotencyKey.parse(context.getHeaders().get(IdempotencyKey.HEADER));
        } catch (ProblemException invalid) {
            return invalid.problem().withInstance(context.getUriInfo().getPath()).toResponse();
        }
        key.ifPresent(k -> {
            MediaType type = context.getMediaType();
            request.start(k, context.getMethod(), context.getUriInfo().getPath(),
                    context.getUriInfo().getQueryParameters(true),
                    type == null ? "" : (type.getType() + "/" + type.getSubtype()).toLowerCase(Locale.ROOT));
        });
        return null;
    }
}
