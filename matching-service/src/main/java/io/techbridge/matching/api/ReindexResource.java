package io.techbridge.matching.api;

import io.techbridge.commons.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.techbridge.commons.api.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.reindex.ReindexProgress;
import io.techbridge.matching.reindex.ReindexService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Index administration", description = "Rebuilding the search indexes from the topics (role admin)")
public class ReindexResource {

    private final ReindexService reindex;
    private final Caller caller;

    public ReindexResource(ReindexService reindex, Caller caller) {
        this.reindex = reindex;
        this.caller = caller;
    }

    @AllowedRoles({Role.ADMIN})
    @POST
    @Idempotent
    @Operation(operationId = "startReindex", summary = "Rebuild both indexes from the event topics and swap them in without downtime",
            description = "Admins only. 202 with the progress; 409 while one is running")
    @APIResponse(responseCode = "202", description = "the reindex, started (or the one already running)",
            headers = @Header(name = "Location", description = "/api/admin/reindex, its progress", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReindexProgress.class)))
    public Response start() {
        caller.requireRole(Role.ADMIN);
        return Response.accepted(reindex.start()).header("Location", "/api/admin/reindex").build();
    }

    @GET
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "getReindexProgress", summary = "Progress of the running or last reindex; admins only")
    public ReindexProgress progress() {
        caller.requireRole(Role.ADMIN);
        return reindex.progress();
    }
}
