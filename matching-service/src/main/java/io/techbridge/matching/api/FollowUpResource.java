package io.techbridge.matching.api;

import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.workflow.FollowUpService;
import io.techbridge.matching.workflow.MatchView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The brokers' follow-up of a pair: taking it on, giving it back, notes with the date of the next
 * step. Brokers write; admins read and may release a pair whoever holds it. The queue lists a
 * broker's pairs ({@code assignee=me}) and those due ({@code dueBy}).
 */
// Rooted where MatchResource is: a class path of its own (/api/matches/{id}) would take every
// request under it away from MatchResource.
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Matches")
public class FollowUpResource {

    /** Dates are the brokers' calendar days, in China. */
    private static final int MAX_DAYS_AHEAD = 3 * 366;

    private final FollowUpService followUp;
    private final Caller caller;

    public FollowUpResource(FollowUpService followUp, Caller caller) {
        this.followUp = followUp;
        this.caller = caller;
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/matches/{id}/claim")
    @Operation(operationId = "claimMatch", summary = "Take a pair on as its broker; one another broker holds only with takeOver (else 409)")
    public MatchView claim(@PathParam("id") UUID id, @Valid ClaimRequest body) {
        caller.requireRole(Role.BROKER);
        return followUp.claim(id, userId(), caller.displayName(), body != null && Boolean.TRUE.equals(body.takeOver()));
    }

    @AllowedRoles({Role.BROKER, Role.ADMIN})
    @POST
    @Path("/matches/{id}/release")
    @Operation(operationId = "releaseMatch", summary = "Give a pair back to the unassigned: its broker, or an admin")
    public MatchView release(@PathParam("id") UUID id) {
        Role role = caller.requireRole(Role.BROKER, Role.ADMIN);
        return followUp.release(id, userId(), role == Role.ADMIN);
    }

    @AllowedRoles({Role.BROKER, Role.ADMIN})
    @GET
    @Path("/matches/{id}/notes")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "brokers and admins")
    @Operation(operationId = "listMatchNotes", summary = "The brokers' notes on a pair, newest first")
    public List<FollowUpService.NoteView> notes(@PathParam("id") UUID id) {
        caller.requireRole(Role.BROKER, Role.ADMIN);
        return followUp.notes(id);
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/matches/{id}/notes")
    @Operation(operationId = "addMatchNote", summary = "Add a note to a pair, optionally with the date of its next step (today or later)")
    public FollowUpService.NoteView addNote(@PathParam("id") UUID id, @NotNull @Valid NoteRequest body) {
        caller.requireRole(Role.BROKER);
        LocalDate next = body.nextStepOn();
        LocalDate today = LocalDate.now(PlatformCalendar.ZONE);
        if (next != null && next.isBefore(today)) {
            throw Problems.invalidField("nextStepOn", "FutureOrPresent", "must be today or later");
        }
        if (next != null && next.isAfter(today.plusDays(MAX_DAYS_AHEAD))) {
            throw Problems.invalidField("nextStepOn", "Range", "must be within three years");
        }
        return followUp.addNote(id, body.text(), next, userId(), caller.displayName());
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/matches/{id}/notes/{noteId}/done")
    @Operation(operationId = "completeMatchNote", summary = "Mark a note's next step done")
    public FollowUpService.NoteView complete(@PathParam("id") UUID id, @PathParam("noteId") long noteId) {
        caller.requireRole(Role.BROKER);
        return followUp.completeNote(id, noteId, caller.displayName());
    }

    private String userId() {
        return caller.userId().orElseThrow(() -> Problems.forbidden("the token names no user"));
    }
}
