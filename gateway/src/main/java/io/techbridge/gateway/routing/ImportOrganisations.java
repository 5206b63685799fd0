package io.techbridge.gateway.routing;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.security.Role;
import io.techbridge.gateway.accounts.AccountService;
import io.techbridge.gateway.accounts.OrganisationType;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An admin imports demands for the enterprise it names ({@code POST /api/demands/imports?organisationId=…}).
 * The gateway owns the organisations, so before the upload reaches demand-service it checks that the
 * named one exists and is an enterprise (the demands will be that enterprise's to edit): otherwise
 * 400 naming {@code organisationId}, and nothing is forwarded. Everyone else's upload goes on to the
 * service unchecked here: an enterprise naming another organisation gets 403 there, and so learns
 * nothing of which organisations exist; an anonymous one 401.
 */
@ApplicationScoped
public class ImportOrganisations {

    private static final Logger LOG = Logger.getLogger(ImportOrganisations.class);
    private static final Pattern DEMAND_IMPORTS = Pattern.compile("/api/demands/imports/?");
    static final String PARAMETER = "organisationId";
    /** What an organisation's id may be (as {@code OrganisationRequest} takes it, demo and older ids included). */
    private static final Pattern ORGANISATION_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final AccountService accounts;
    private final ProblemWriter problems;

    public ImportOrganisations(AccountService accounts, ProblemWriter problems) {
        this.accounts = accounts;
        this.problems = problems;
    }

    /** Runs {@code forward} unless the request is an admin's import naming no enterprise organisation. */
    void check(RoutingContext ctx, Runnable forward) {
        String named = namedByAdmin(ctx);
        if (named == null) {
            forward.run();
            return;
        }
        HttpServerRequest request = ctx.request();
        // Nothing of the body may be read until it is known where it goes.
        request.pause();
        if (!ORGANISATION_ID.matcher(named).matches()) {
            // Not an id any organisation can have (a NUL character, say): no lookup needed.
            String message = "no organisation " + named.replaceAll("\\p{Cntrl}", "?") + " exists; an admin imports demands "
                    + "for an existing enterprise organisation";
            problems.write(ctx, Problem.of(Status.BAD_REQUEST, "validation", "Invalid request", PARAMETER + ": " + message)
                    .withViolations(List.of(new Problem.Violation(PARAMETER, "query", "ExistingEnterprise", message))));
            request.resume();
            return;
        }
        ctx.vertx().executeBlocking(() -> accounts.organisationType(named), false).onComplete(looked -> {
            if (looked.failed()) {
                LOG.warnf("cannot look up organisation %s: %s", named, looked.cause().toString());
                problems.write(ctx, Problem.of(Status.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                        "the organisations cannot be read just now; try again shortly"));
                request.resume();
                return;
            }
            Optional<OrganisationType> type = looked.result();
            if (type.filter(t -> t == OrganisationType.ENTERPRISE).isPresent()) {
                forward.run();
                return;
            }
            String message = type.isEmpty() ? "no organisation " + named + " exists"
                    : "organisation " + named + " is not an enterprise (it is " + type.get() + ")";
            message += "; an admin imports demands for an existing enterprise organisation";
            problems.write(ctx, Problem.of(Status.BAD_REQUEST, "validation", "Invalid request", PARAMETER + ": " + message)
                    .withViolations(List.of(new Problem.Violation(PARAMETER, "query", "ExistingEnterprise", message))));
            request.resume();
        });
    }

    /** The organisation an admin's demand import names, or null for any other request. */
    private static String namedByAdmin(RoutingContext ctx) {
        if (ctx.request().method() != HttpMethod.POST || !DEMAND_IMPORTS.matcher(ctx.normalizedPath()).matches()) {
            return null;
        }
        JsonWebToken token = ctx.get(RequestGuard.TOKEN);
        if (token == null || token.getGroups() == null || !token.getGroups().contains(Role.ADMIN.claim())) {
            return null;
        }
        List<String> named = ctx.queryParam(PARAMETER);
        if (named.isEmpty() || named.getFirst() == null || named.getFirst().isBlank()) {
            return null; // the service answers 400 naming the missing parameter
        }
        return named.getFirst().strip();
    }
}
