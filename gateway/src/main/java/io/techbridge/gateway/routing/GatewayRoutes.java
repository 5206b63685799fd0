package io.techbridge.gateway.routing;

import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.runtime.configuration.MemorySize;
import io.techbridge.commons.problem.Problem;
import io.techbridge.gateway.audit.AuditTrail;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The gateway's own Vert.x routes, ordered before the REST endpoints: every {@code /api} request is
 * watched by the audit trail (which records the audited ones when they end) and passes the guard
 * (token check, rate limits); those of a service's path are then forwarded (an admin's demand import
 * once the organisation it names is known, {@link ImportOrganisations}), the rest (login, accounts)
 * go on to the gateway's own resources.
 */
@ApplicationScoped
public class GatewayRoutes {

    void register(@Observes Router router, AuditTrail audit, RequestGuard guard, ImportOrganisations imports,
            UpstreamProxy proxy, ProblemWriter problems,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBody) {
        // A body declared over the limit gets a problem, as every refusal does, not Quarkus' bare 413.
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBody.asLongValue()) {
                // The body is not read: the connection closes after the answer.
                ctx.response().putHeader("Connection", "close");
                problems.write(ctx, Problem.of(Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large", "Body too large",
                        "the body is larger than the " + maxBody.asLongValue() / (1024 * 1024) + " MB TechBridge accepts"));
                return;
            }
            ctx.next();
        });
        // Before the guard, so that the trail also holds what the guard refuses.
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 12).handler(ctx -> {
            audit.watch(ctx);
            ctx.next();
        });
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 10).handler(guard::handle);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT - 5).handler(ctx ->
                RouteTable.route(ctx.normalizedPath()).ifPresentOrElse(
                        rule -> imports.check(ctx, () -> proxy.forward(ctx, rule)), ctx::next));
    }
}
