package io.techbridge.gateway.routing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.problem.Problem;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;

/** Problem documents written straight on the Vert.x response, for answers the gateway gives before any service. */
@ApplicationScoped
public class ProblemWriter {

    private final ObjectMapper json;

    public ProblemWriter(ObjectMapper json) {
        this.json = json;
    }

    public static Problem problem(Status status, String slug, String title, String detail) {
        return Problem.of(status, slug, title, detail);
    }

    public void write(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.headWritten() || response.ended() || response.closed()) {
            return;
        }
        String body;
        try {
            body = json.writeValueAsString(problem.withInstance(ctx.request().path()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        problem.headers().forEach(response::putHeader);
        response.end(body);
    }
}
