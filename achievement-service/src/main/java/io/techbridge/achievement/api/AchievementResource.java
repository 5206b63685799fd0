package io.techbridge.achievement.api;

import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.achievement.domain.AchievementService;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.persistence.AchievementRepository;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.idempotency.Idempotent;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
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

@Path("/api/achievements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Achievements", description = "The achievement database (科技成果库)")
@SecurityScheme(securitySchemeName = AchievementResource.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "Access token of the gateway; reads work without one")
public class AchievementResource {

    static final String BEARER = "bearer";

    private final AchievementService service;

    public AchievementResource(AchievementService service) {
        this.service = service;
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Idempotent
    @Operation(operationId = "registerAchievement", summary = "Register an achievement", description = "University role; the organisation is the caller's. 201 with Location; status DRAFT (default) or PUBLISHED. Near-duplicates already registered (same patent, similar title or text, any organisation) answer 409 possible-duplicate with context.candidates, unless ?duplicates=confirmed")
    @SecurityRequirement(name = BEARER)
    @APIResponse(responseCode = "201", description = "registered; Location names it",
            headers = @Header(name = "Location", description = "the URL of the new record", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AchievementResponse.class)))
    @APIResponse(responseCode = "409", description = "possible-duplicate: near-duplicates of this achievement exist (context.candidates); "
            + "send it again with ?duplicates=confirmed to register it anyway",
            content = @Content(mediaType = "application/problem+json"))
    public Response create(@NotNull @Valid @ConvertGroup(to = AchievementRequest.OnCreate.class) AchievementRequest body,
            @QueryParam("duplicates") String duplicates, UriInfo uri) {
        AchievementResponse created = service.create(body, DuplicatesParameter.confirmed(duplicates));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Path("/duplicate-check")
    @Operation(operationId = "checkAchievementDuplicates", summary = "Check a new achievement for near-duplicates", description = "The body of a create; answers the candidates a create would be refused with, stores nothing")
    @SecurityRequirement(name = BEARER)
    public DuplicateCheckResponse checkDuplicates(
            @NotNull @Valid @ConvertGroup(to = AchievementRequest.OnCreate.class) AchievementRequest body) {
        return service.checkDuplicates(body);
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getAchievement", summary = "Get an achievement", description = "Drafts only for the owner organisation, brokers and admins (others 404); the contact only for them and disclosed organisations")
    public AchievementResponse get(@PathParam("id") UUID id) {
        return service.get(id);
    }

    @GET
    @Operation(operationId = "listAchievements", summary = "List achievements", description = "Newest changes first; field and region codes also match what lies below them; drafts of other organisations are left out")
    public PageResponse<AchievementResponse> list(
            @QueryParam("field") String field,
            @QueryParam("status") String status,
            @QueryParam("organisationId") String organisationId,
            @QueryParam("region") String region,
            @QueryParam("q") String titleContains,
            @QueryParam("page") String page,
            @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        AchievementRepository.Filter filter = new AchievementRepository.Filter(
                QueryParameters.fieldCode("field", field),
                QueryParameters.enumValue("status", status, AchievementStatus.class),
                QueryParameters.text("organisationId", organisationId, 64),
                QueryParameters.regionCode("region", region),
                QueryParameters.text("q", titleContains, 200));
        return service.list(filter, ListingQuery.paging("achievements", page, size, cursor));
    }

    @AllowedRoles({Role.UNIVERSITY})
    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateAchievement", summary = "Update an achievement", description = "Send the version you read; a stale one gets 409 with the current version")
    @SecurityRequirement(name = BEARER)
    public AchievementResponse update(@PathParam("id") UUID id,
            @NotNull @Valid @ConvertGroup(to = AchievementRequest.OnUpdate.class) AchievementRequest body) {
        return service.update(id, body);
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Path("/{id}/publish")
    @Operation(operationId = "publishAchievement", summary = "Publish a draft achievement")
    @SecurityRequirement(name = BEARER)
    public AchievementResponse publish(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.publish(id, body.version());
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Path("/{id}/withdraw")
    @Operation(operationId = "withdrawAchievement", summary = "Withdraw an achievement", description = "It leaves the candidate pool; the record is kept")
    @SecurityRequirement(name = BEARER)
    public AchievementResponse withdraw(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.withdraw(id, body.version(), body.reason());
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Path("/{id}/transfer")
    @Operation(operationId = "markAchievementTransferred", summary = "Mark an achievement transferred (已转化)")
    @SecurityRequirement(name = BEARER)
    public AchievementResponse markTransferred(@PathParam("id") UUID id, @NotNull @Valid StatusChangeRequest body) {
        return service.markTransferred(id, body.version(), body.reason());
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Path("/{id}/confirm")
    @Operation(operationId = "confirmAchievement", summary = "Confirm a stale achievement is still on offer (STALE → PUBLISHED)", description = "Owner organisation; version and reason optional")
    @SecurityRequirement(name = BEARER)
    public AchievementResponse confirm(@PathParam("id") UUID id, @Valid ConfirmRequest body) {
        return service.confirm(id, body == null ? null : body.version(), body == null ? null : body.reason());
    }

    @AllowedRoles({Role.BROKER})
    @POST
    @Path("/{id}/merge")
    @Operation(operationId = "mergeAchievement", summary = "Merge a duplicate into another achievement", description = "Broker only; the duplicate becomes WITHDRAWN with mergedInto; the other one must be PUBLISHED or STALE")
    @SecurityRequirement(name = BEARER)
    public AchievementResponse merge(@PathParam("id") UUID id, @NotNull @Valid MergeRequest body) {
        return service.merge(id, body.intoId(), body.version(), body.reason());
    }
}
