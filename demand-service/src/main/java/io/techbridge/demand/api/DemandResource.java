package io.techbridge.demand.api;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.idempotency.Idempotent;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandService;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.DemandRepository;
import io.techbridge.listing.duplicates.DuplicateCheckResponse;
import io.techbridge.listing.duplicates.DuplicatesParameter;
import io.techbridge.listing.query.ListingQuery;
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
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Demands", description = "The enterprise technology-demand library (企业技术需求库)")
@SecurityScheme(securitySchemeName = DemandResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token of the gateway; reads work without one")
public class DemandResource {

    static final String BEARER = "bearer";

    private final DemandService service;

    public DemandResource(DemandService service) {
        this.service = service;
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Idempotent
    @Operation(operationId = "postDemand", summary = "Post a demand", description = "Enterprise role, for its own organisation; or admin, for a government-set challenge naming the organisation. 201 with Location; the demand starts OPEN at version 1. Near-duplicates already posted (similar title or problem, any organisation) answer 409 possible-duplicate with context.candidates, unless ?duplicates=confirmed")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "201", description = "posted; Location names it",
            headers = @Header(name = "Location", description = "the URL of the new record", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = DemandResponse.class)))
    @APIResponse(responseCode = "409", description = "possible-duplicate: near-duplicates of this demand exist (context.candidates); "
            + "send it again with ?duplicates=confirmed to register it anyway",
            content = @Content(mediaType = "application/problem+json"))
    public Response create(@NotNull @Valid @ConvertGroup(to = DemandRequest.OnCreate.class) DemandRequest body,
            @QueryParam("duplicates") String duplicates, UriInfo uri) {
        DemandResponse created = service.create(body, DuplicatesParameter.confirmed(duplicates));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Path("/duplicate-check")
    @Operation(operationId = "checkDemandDuplicates", summary = "Check a new demand for near-duplicates", description = "The body of a create; answers the candidates a create would be refused with, stores nothing")
    @SecurityRequirement(name = BEARER)
    public DuplicateCheckResponse checkDuplicates(
            @NotNull @Valid @ConvertGroup(to = DemandRequest.OnCreate.class) DemandRequest body) {
        return service.checkDuplicates(body);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getDemand", summary = "Get a demand", description = "The contact only for the owner organisation, brokers, admins and disclosed organisations; a BROKERS_ONLY demand as an anonymised summary for everyone else")
    public DemandView get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Operation(operationId = "listDemands", summary = "List demands", description = "Newest changes first; field and region codes also match what lies below them; items as GET shows them to the caller; organisationId and q find only demands the caller may read in full")
    public PageResponse<DemandView> list(
            @QueryParam("field") String field,
            @QueryParam("status") String status,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("region") String region,
            @QueryParam("q") String titleContains,
            @QueryParam("confidentiality") String confidentiality,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        DemandRepository.Filter filter = new DemandRepository.Filter(
                QueryParameters.fieldCode("field", field),
                QueryParameters.enumValue("status", status, DemandStatus.class),
                QueryParameters.text("organisationId", organisationId, 64),
                QueryParameters.regionCode("region", region),
                QueryParameters.text("q", titleContains, 200),
                QueryParameters.enumValue("confidentiality", confidentiality, Confidentiality.class));
        return service.list(filter, ListingQuery.paging("demands", page, size, cursor));
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateDemand", summary = "Update a demand",
            description = "Only OPEN and IN_NEGOTIATION demands; send the version you read, a stale one gets 409 with the current version")
    @SecurityRequirement(name = BEARER)
    public DemandResponse update(@PathParam("id") UUID id,
            @NotNull @Valid @ConvertGroup(to = DemandRequest.OnUpdate.class) DemandRequest body) {
        return service.update(id, body);
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Path("/{id}/negotiation")
    @Operation(operationId = "startDemandNegotiation", summary = "Start negotiating an open demand (OPEN → IN_NEGOTIATION)")
    @SecurityRequirement(name = BEARER)
    public DemandResponse startNegotiation(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.startNegotiation(id, body.version(), body.reason());
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Path("/{id}/solve")
    @Operation(operationId = "solveDemand", summary = "Mark a demand solved (已解决)", description = "From OPEN or IN_NEGOTIATION; final")
    @SecurityRequirement(name = BEARER)
    public DemandResponse solve(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.solve(id, body.version(), body.reason());
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Path("/{id}/close")
    @Operation(operationId = "closeDemand", summary = "Close a demand", description = "From OPEN or IN_NEGOTIATION; it leaves the matching pool, the record is kept")
    @SecurityRequirement(name = BEARER)
    public DemandResponse close(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.close(id, body.version(), body.reason());
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmDemand", summary = "Confirm a stale demand is still wanted (STALE → OPEN)", description = "Owner; version and reason optional")
    @SecurityRequirement(name = BEARER)
    public DemandResponse confirm(@PathParam("id") UUID id, @Valid ConfirmRequest body) {
        return service.confirm(id, body == null ? null : body.version(), body == null ? null : body.reason());
    }

    @AllowedRoles({Role.ENTERPRISE, Role.ADMIN})
    @POST
    @Path("/{id}/renewal")
    @Operation(operationId = "renewDemand", summary = "Renew an expired or stale demand (→ OPEN)", description = "Owner; validUntil after today and at most techbridge.demand.max-validity ahead")
    @SecurityRequirement(name = BEARER)
    public DemandResponse renew(@PathParam("id") UUID id, @NotNull @Valid RenewalRequest body) {
        return service.renew(id, body.validUntil(), body.version(), body.reason());
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/{id}/merge")
    @Operation(operationId = "mergeDemand", summary = "Merge a duplicate into another demand", description = "Broker only; the duplicate becomes CLOSED with mergedInto; the other one must be OPEN, IN_NEGOTIATION or STALE")
    @SecurityRequirement(name = BEARER)
    public DemandResponse merge(@PathParam("id") UUID id, @NotNull @Valid MergeRequest body) {
        return service.merge(id, body.intoId(), body.version(), body.reason());
    }
}
