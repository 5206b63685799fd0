package io.techbridge.matching.api;

import io.techbridge.commons.idempotency.Idempotent;
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
@Tag(name = "Administration")
public class ReindexResource {

    private final ReindexService reindex;
    private final Caller caller;

    public ReindexResource(ReindexService reindex, Caller caller) {
        this.reindex = reindex;
        this.caller = caller;
    }

    @POST
    @Idempotent
    @Operation(summary = "Rebuild both indexes from the event topics and swap them in without downtime",
            description = "Admins only. 202 with the progress; 409 while one is running")
    public Response start() {
        caller.requireRole(Role.ADMIN);
        return Response.accepted(reindex.start()).header("Location", "/api/admin/reindex").build();
    }

    @GET
    @Operation(summary = "Progress of the running or last reindex; admins only")
    public ReindexProgress progress() {
        caller.requireRole(Role.ADMIN);
        return reindex.progress();
    }
}
