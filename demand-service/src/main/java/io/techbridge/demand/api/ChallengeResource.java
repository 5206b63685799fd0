package io.techbridge.demand.api;

import io.techbridge.commons.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.techbridge.commons.api.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.commons.security.AllowedRoles;
import io.techbridge.commons.security.Role;
import io.techbridge.demand.domain.ChallengeService;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Path("/api/demands")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Open challenges", description = "Applications to open challenges (揭榜挂帅), their judging and the award")
@SecurityRequirement(name = DemandResource.BEARER)
public class ChallengeResource {

    private final ChallengeService service;

    public ChallengeResource(ChallengeService service) {
        this.service = service;
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Idempotent
    @Path("/{id}/applications")
    @Operation(operationId = "applyToChallenge", summary = "Apply to an open challenge (揭榜)",
            description = "University role, for its own organisation, until the application deadline; one live application per organisation. 201 with Location, version 1")
    @APIResponse(responseCode = "201", description = "the application, version 1; Location names it",
            headers = @Header(name = "Location", description = "the URL of the new record", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    public Response submit(@PathParam("id") UUID id, @NotNull @Valid ApplicationRequest body, UriInfo uri) {
        ApplicationView created = service.submit(id, body);
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @GET
    @Path("/{id}/applications")
    @Operation(operationId = "listChallengeApplications", summary = "List the applications of a challenge",
            description = "The challenge's side, brokers and admins: all; a university: its own organisation's")
    @APIResponse(responseCode = "200", description = "the applications the caller may see",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ApplicationView.class, type = SchemaType.ARRAY)))
    @APIResponse(responseCode = "409", description = "not-a-challenge: the demand has no open challenge",
            content = @Content(mediaType = "application/problem+json"))
    public List<ApplicationView> list(@PathParam("id") UUID id) {
        return service.list(id);
    }

    @GET
    @Path("/{id}/applications/{applicationId}")
    @Operation(operationId = "getChallengeApplication", summary = "Get an application", description = "Its organisation, the challenge's side, brokers, admins; others 404")
    @APIResponse(responseCode = "200", description = "the application",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApplicationView.class)))
    @APIResponse(responseCode = "409", description = "not-a-challenge: the demand has no open challenge",
            content = @Content(mediaType = "application/problem+json"))
    public ApplicationView get(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId) {
        return service.get(id, applicationId);
    }

    @AllowedRoles({Role.UNIVERSITY})
    @PUT
    @Path("/{id}/applications/{applicationId}")
    @Operation(operationId = "updateChallengeApplication", summary = "Edit an application", description = "Its organisation, until the application deadline; send the version you read")
    public ApplicationView update(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            @NotNull @Valid @ConvertGroup(to = ApplicationRequest.OnUpdate.class) ApplicationRequest body) {
        return service.update(id, applicationId, body);
    }

    @AllowedRoles({Role.UNIVERSITY})
    @POST
    @Path("/{id}/applications/{applicationId}/withdraw")
    @Operation(operationId = "withdrawChallengeApplication", summary = "Withdraw an application", description = "Its organisation, until the application deadline; it may apply again afterwards")
    public ApplicationView withdraw(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            @NotNull @Valid VersionRequest body) {
        return service.withdraw(id, applicationId, body.version());
    }

    @AllowedRoles({Role.ENTERPRISE, Role.BROKER, Role.ADMIN})
    @POST
    @Path("/{id}/applications/{applicationId}/scores")
    @Operation(operationId = "scoreChallengeApplication", summary = "Score an application against the indicators",
            description = "After the application deadline, by the challenge's side or a broker; a scorer's new sheet replaces its previous one")
    public ApplicationView score(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            @NotNull @Valid ScoreRequest body) {
        return service.score(id, applicationId, body);
    }

    @AllowedRoles({Role.ENTERPRISE, Role.BROKER, Role.ADMIN})
    @POST
    @Path("/{id}/applications/{applicationId}/shortlist")
    @Operation(operationId = "shortlistChallengeApplication", summary = "Shortlist an application or take it off", description = "After the application deadline, by the challenge's side or a broker")
    public ApplicationView shortlist(@PathParam("id") UUID id, @PathParam("applicationId") UUID applicationId,
            @NotNull @Valid ShortlistRequest body) {
        return service.shortlist(id, applicationId, body.shortlisted());
    }

    @AllowedRoles({Role.ENTERPRISE, Role.BROKER, Role.ADMIN})
    @POST
    @Path("/{id}/award")
    @Operation(operationId = "awardChallenge", summary = "Pick the winners of a challenge",
            description = "After the application deadline, once, by the challenge's side or a broker: winners WON, every other live application NOT_SELECTED with the reason")
    public DemandResponse award(@PathParam("id") UUID id, @NotNull @Valid AwardRequest body) {
        return service.award(id, body);
    }

    @GET
    @Path("/applications/mine")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "universities")
    @Operation(operationId = "listMyChallengeApplications", summary = "The caller's organisation's applications", description = "University role; newest first, each with its challenge's title, phase and deadline")
    public List<MyApplicationView> mine() {
        return service.mine();
    }
}
