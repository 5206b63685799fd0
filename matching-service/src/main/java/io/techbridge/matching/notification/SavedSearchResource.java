package io.techbridge.matching.notification;

import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Path("/api/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Saved searches", description = "A user is told of new achievements or demands that match a search")
public class SavedSearchResource {

    private static final String WHO = "universities and enterprises, their own saved searches";

    /** A search to keep: the words and filters of GET /api/search. */
    public record SavedSearchRequest(
            @Schema(description = "what the console shows it as (at most 100 characters); default: the words", nullable = true) String name,
            @Schema(description = "the words, as q of GET /api/search (at most 200 characters); none: every new record", nullable = true) String query,
            @Schema(description = "achievement (an enterprise's) or demand (a university's); follows from the role", nullable = true) String type,
            @Schema(description = "technical-field code", nullable = true) String field,
            @Schema(description = "six-digit region code", nullable = true) String region,
            @Schema(description = "lowest maturity of achievements, 1–9", nullable = true) Integer minTrl) {
    }

    public record SavedSearchView(UUID id, String name, @Schema(nullable = true) String query, String type,
            @Schema(nullable = true) String field, @Schema(nullable = true) String region,
            @Schema(nullable = true) Integer minTrl, Instant createdAt,
            @Schema(description = "records changed up to this time have been looked at") Instant checkedThrough) {

        static SavedSearchView of(SavedSearchStore.SavedSearch s) {
            return new SavedSearchView(s.id(), s.name(), s.query(), s.recordType(), s.fieldCode(), s.regionCode(), s.minTrl(),
                    s.createdAt(), s.checkedThrough());
        }
    }

    private final SavedSearchService searches;

    public SavedSearchResource(SavedSearchService searches) {
        this.searches = searches;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE})
    @Operation(operationId = "createSavedSearch", summary = "Keep a search; new matching records are notified",
            description = "An enterprise's searches look for achievements, a university's for demands; at most 20 per user. "
                    + "About once a minute each is run for the records published or changed since its last check, and "
                    + "those not told of before become a saved-search.new-matches notification of its owner (and an "
                    + "e-mail, if chosen). A confidential demand the owner's organisation may not read is never named.")
    @APIResponse(responseCode = "201", description = "the saved search",
            headers = @Header(name = "Location", description = "/api/saved-searches/{id}", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SavedSearchView.class)))
    @APIResponse(responseCode = "409", description = "the user already keeps the most saved searches it may (limit-reached)")
    public Response create(@NotNull SavedSearchRequest body) {
        SavedSearchStore.SavedSearch saved = searches.create(body.name(), body.query(), body.type(), body.field(),
                body.region(), body.minTrl());
        return Response.status(Response.Status.CREATED).header("Location", "/api/saved-searches/" + saved.id())
                .entity(SavedSearchView.of(saved)).build();
    }

    @GET
    @Extension(name = ProblemResponses.FORBIDDEN, value = WHO)
    @Operation(operationId = "listSavedSearches", summary = "The caller's saved searches, oldest first")
    public List<SavedSearchView> list() {
        return searches.mine().stream().map(SavedSearchView::of).toList();
    }

    @DELETE
    @Path("/{id}")
    @AllowedRoles({Role.UNIVERSITY, Role.ENTERPRISE})
    @Operation(operationId = "deleteSavedSearch", summary = "Delete one of the caller's saved searches; another user's is 404")
    @APIResponse(responseCode = "204", description = "deleted")
    public Response delete(@PathParam("id") UUID id) {
        searches.delete(id);
        return Response.noContent().build();
    }
}
