package io.techbridge.gateway.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.techbridge.commons.security.TokenClaims;
import io.techbridge.commons.web.RequestIds;
import io.techbridge.gateway.persistence.AuditEvent;
import io.techbridge.gateway.persistence.AuditEventRepository;
import io.techbridge.gateway.routing.RequestGuard;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Records the audited operations ({@link AuditedOperations}) that reach the gateway, whoever sends
 * them and however they end: refused by the guard (401, 429), by the service (403, 409, 422) or
 * done. The entry is written once the answer has gone out, on a worker thread, so no answer waits
 * for it; the gateway's own endpoints name the actor of a login, which no token names yet.
 */
@ApplicationScoped
public class AuditTrail {

    /** Set by the login endpoint: the name typed, and on success the account's id, role and organisation. */
    public static final String ACTOR = "techbridge.audit.actor";

    /** Who acted, as far as the request tells. */
    public record Actor(String id, String name, String role, String organisation) {
    }

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final AuditEventRepository events;
    private final Counter unrecorded;

    public AuditTrail(AuditEventRepository events, MeterRegistry registry) {
        this.events = events;
        this.unrecorded = Counter.builder("techbridge.gateway.audit.unrecorded")
                .description("Audited operations whose entry could not be written").register(registry);
    }

    /** Called for every /api request before the guard: an audited one is recorded when its answer ends. */
    public void watch(RoutingContext ctx) {
        AuditedOperations.match(ctx.request().method(), ctx.normalizedPath()).ifPresent(match -> {
            Instant at = Instant.now();
            // The entry names its request even when no answer goes out; the service and the logs take the same id.
            String sent = ctx.request().getHeader(RequestIds.HEADER);
            String requestId = sent != null && SAFE_REQUEST_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
            ctx.request().headers().set(RequestIds.HEADER, requestId);
            ctx.addEndHandler(ended -> {
                AuditEvent event = new AuditEvent();
                event.occurredAt = at;
                event.action = match.action();
                boolean answered = ended.succeeded() && ctx.response().ended();
                event.status = answered ? ctx.response().getStatusCode() : 0;
                event.outcome = !answered || event.status >= 500 ? "FAILED"
                        : event.status >= 400 ? "REFUSED" : "SUCCEEDED";
                Actor actor = ctx.get(ACTOR);
                JsonWebToken token = ctx.get(RequestGuard.TOKEN);
                if (actor == null && token != null) {
                    actor = new Actor(token.getSubject(), token.getName(), token.getGroups().stream().findFirst().orElse(null),
                            token.getClaim(TokenClaims.ORGANISATION));
                }
                if (actor != null) {
                    event.actorId = cut(actor.id(), 64);
                    event.actorName = cut(actor.name(), 200);
                    event.actorRole = cut(actor.role(), 20);
                    event.actorOrganisation = cut(actor.organisation(), 64);
                }
                event.target = cut(match.target() != null ? match.target() : createdId(ctx), 300);
                event.method = ctx.request().method().name();
                event.path = cut(ctx.normalizedPath(), 500);
                event.requestId = requestId;
                event.clientAddress = ctx.request().remoteAddress() == null ? null
                        : cut(compact(ctx.request().remoteAddress().hostAddress()), 64);
                Infrastructure.getDefaultWorkerPool().execute(() -> write(event));
            });
        });
    }

    private void write(AuditEvent event) {
        try {
            QuarkusTransaction.requiringNew().run(() -> events.persist(event));
        } catch (RuntimeException e) {
            unrecorded.increment();
            LOG.errorf(e, "audit entry not written: %s %s by %s (%d, request %s)", event.action, event.target,
                    event.actorName, event.status, event.requestId);
        }
    }

    /** A create's new record, from the Location it answered. */
    private static String createdId(RoutingContext ctx) {
        String location = ctx.response().headers().get("Location");
        return location == null ? null : location.substring(location.lastIndexOf('/') + 1);
    }

    /** An IPv6 address as people write it (::1 rather than 0:0:0:0:0:0:0:1); IPv4 as it is. */
    static String compact(String address) {
        if (address == null || !address.contains(":") || address.contains("::")) {
            return address;
        }
        String[] groups = address.split(":", -1);
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].matches("0+")) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = Math.max(i, j);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            if (i == bestStart) {
                out.append(i == 0 ? "::" : ":");
                i += bestLength - 1;
                continue;
            }
            out.append(groups[i].replaceFirst("^0+(?=.)", ""));
            if (i < groups.length - 1) {
                out.append(':');
            }
        }
        return out.toString();
    }

    private static String cut(String value, int max) {
        if (value == null) {
            return null;
        }
        String printable = value.replaceAll("\\p{Cntrl}", "?");
        return printable.length() <= max ? printable : printable.substring(0, max);
    }
}
