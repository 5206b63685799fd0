package io.techbridge.matching.api;

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

    public ReindexResource(ReindexService reindex) {
        this.reindex = reindex;
    }

    @POST
    @Operation(summary = "Rebuild both indexes from the event topics and swap them in without downtime",
            description = "202 with the progress; 409 while one is running")
    public Response start() {
        return Response.accepted(reindex.start()).header("Location", "/api/admin/reindex").build();
    }

    @GET
    @Operation(summary = "Progress of the running or last reindex")
    public ReindexProgress progress() {
        return reindex.progress();
    }
}
