package io.techbridge.demand.api;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandService;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.DemandRepository;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.groups.ConvertGroup;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "The enterprise technology-demand library (企业技术需求库)")
public class DemandResource {

    private final DemandService service;

    public DemandResource(DemandService service) {
        this.service = service;
    }

    @POST
    @Operation(summary = "Post a demand", description = "201 with Location; the demand starts OPEN at version 1")
    public Response create(@NotNull @Valid @ConvertGroup(to = DemandRequest.OnCreate.class) DemandRequest body,
            UriInfo uri) {
        DemandResponse created = service.create(body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get a demand")
    public DemandResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Operation(summary = "List demands", description = "Newest changes first; field and region codes also match what lies below them")
    public PageResponse<DemandResponse> list(
            @QueryParam("field") String field,
            @QueryParam("status") String status,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("region") String region,
            @QueryParam("q") String titleContains,
            @QueryParam("confidentiality") String confidentiality,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        DemandRepository.Filter filter = new DemandRepository.Filter(
                QueryParameters.fieldCode("field", field),
                QueryParameters.enumValue("status", status, DemandStatus.class),
                QueryParameters.text("organisationId", organisationId, 64),
                QueryParameters.regionCode("region", region),
                QueryParameters.text("q", titleContains, 200),
                QueryParameters.enumValue("confidentiality", confidentiality, Confidentiality.class));
        return service.list(filter, PageRequest.parse(page, size));
    }

    @PUT
    @Path("/{id}")
    @Operation(summary = "Update a demand",
            description = "Only OPEN and IN_NEGOTIATION demands; send the version you read, a stale one gets 409 with the current version")
    public DemandResponse update(@PathParam("id") UUID id,
            @NotNull @Valid @ConvertGroup(to = DemandRequest.OnUpdate.class) DemandRequest body) {
        return service.update(id, body);
    }

    @POST
    @Path("/{id}/negotiation")
    @Operation(summary = "Start negotiating an open demand (OPEN → IN_NEGOTIATION)")
    public DemandResponse startNegotiation(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.startNegotiation(id, body.version(), body.reason());
    }

    @POST
    @Path("/{id}/solve")
    @Operation(summary = "Mark a demand solved (已解决)", description = "From OPEN or IN_NEGOTIATION; final")
    public DemandResponse solve(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.solve(id, body.version(), body.reason());
    }

    @POST
    @Path("/{id}/close")
    @Operation(summary = "Close a demand", description = "From OPEN or IN_NEGOTIATION; it leaves the matching pool, the record is kept")
    public DemandResponse close(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.close(id, body.version(), body.reason());
    }
}
