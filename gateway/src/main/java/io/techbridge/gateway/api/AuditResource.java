package io.techbridge.gateway.api;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.gateway.audit.AuditedOperations;
import io.techbridge.gateway.persistence.AuditEventRepository;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** The audit trail, for the platform operator (role admin). */
@Path("/api/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations and accounts")
@SecurityRequirement(name = "bearer")
public class AuditResource {

    /** Days are China's: an operator asking for 6 December means 6 December in Beijing time. */
    private static final List<String> OUTCOMES = List.of("SUCCEEDED", "REFUSED", "FAILED");

    private final AuditEventRepository events;
    private final Caller caller;

    public AuditResource(AuditEventRepository events, Caller caller) {
        this.events = events;
        this.caller = caller;
    }

    @GET
    @Transactional
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "listAuditEntries", summary = "The audit trail, newest first: logins and their failures, "
            + "account and organisation changes, imports, merges, broker decisions, introductions, challenge decisions")
    public PageResponse<AuditEntryResponse> entries(
            @Parameter(description = "one action, e.g. LOGIN", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("action") String action,
            @Parameter(description = "SUCCEEDED, REFUSED or FAILED", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("outcome") String outcome,
            @Parameter(description = "a login name (any case) or account id", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("actor") String actor,
            @Parameter(description = "the id of the record acted on", schema = @Schema(type = SchemaType.STRING))
            @QueryParam("target") String target,
            @Parameter(description = "first day (YYYY-MM-DD, Beijing time)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("from") String from,
            @Parameter(description = "last day, included (YYYY-MM-DD, Beijing time)", schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("to") String to,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "0")) @QueryParam("page") String page,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100")) @QueryParam("size") String size) {
        caller.requireRole(Role.ADMIN);
        PageRequest paging = PageRequest.parse(page, size);
        String actionName = oneOf("action", QueryParameters.text("action", action, 40), AuditedOperations.ACTIONS);
        String outcomeName = oneOf("outcome", QueryParameters.text("outcome", outcome, 10), OUTCOMES);
        Instant fromInstant = day("from", from, 0);
        Instant toInstant = day("to", to, 1);
        if (fromInstant != null && toInstant != null && !fromInstant.isBefore(toInstant)) {
            throw Problems.invalidQuery("to", "Range", "must be the day of 'from' or later");
        }
        AuditEventRepository.Found found = events.find(new AuditEventRepository.Filter(actionName, outcomeName,
                QueryParameters.text("actor", actor, 200), QueryParameters.text("target", target, 300), fromInstant, toInstant),
                paging.page(), paging.size());
        return PageResponse.of(found.events(), AuditEntryResponse::of, paging, found.total());
    }

    private static String oneOf(String name, String value, List<String> allowed) {
        if (value == null) {
            return null;
        }
        String upper = value.toUpperCase(java.util.Locale.ROOT);
        if (!allowed.contains(upper)) {
            throw Problems.invalidQuery(name, "OneOf", "must be one of " + allowed);
        }
        return upper;
    }

    /** The start of the day, plus {@code plusDays} days. */
    private static Instant day(String name, String value, int plusDays) {
        String text = QueryParameters.text(name, value, 10);
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text).plusDays(plusDays).atStartOfDay(PlatformCalendar.ZONE).toInstant();
        } catch (DateTimeParseException e) {
            throw Problems.invalidQuery(name, "date", "must be a day as YYYY-MM-DD, not '" + text + "'");
        }
    }
}
