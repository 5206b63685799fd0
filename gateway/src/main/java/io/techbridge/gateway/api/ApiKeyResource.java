package io.techbridge.gateway.api;

import io.techbridge.commons.api.ProblemResponses;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.gateway.auth.ApiKeys;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

/**
 * API keys for machines (a research-management system's nightly sync): issued by the platform
 * operator for one organisation, listed with their last use, revoked at once.
 */
@Path("/api/admin/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations and accounts")
@SecurityRequirement(name = "bearer")
public class ApiKeyResource {

    private final ApiKeys keys;
    private final Caller caller;
    private final AdminRequests requests;

    public ApiKeyResource(ApiKeys keys, Caller caller, AdminRequests requests) {
        this.keys = keys;
        this.caller = caller;
        this.requests = requests;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "issueApiKey", summary = "Issue an API key for an organisation's system; the key is in this answer only")
    @APIResponse(responseCode = "201", description = "issued; Location names it; `key` is the secret to send as a bearer",
            headers = @Header(name = "Location", description = "the URL of the new record", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiKeyResponse.class)))
    public Response issue(ApiKeyRequest request, UriInfo uri) {
        caller.requireRole(Role.ADMIN);
        requests.validate(request);
        ApiKeys.Issued issued = keys.issue(request.organisationId().strip(), request.name().strip(), request.scope(), caller.name());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.key().id.toString()).build())
                .entity(ApiKeyResponse.of(issued.key(), issued.secret())).build();
    }

    @GET
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "listApiKeys", summary = "All API keys, or those of one organisation, newest first, with their last use")
    public List<ApiKeyResponse> list(@QueryParam("organisationId") String organisationId) {
        caller.requireRole(Role.ADMIN);
        return keys.list(organisationId == null || organisationId.isBlank() ? null : organisationId.strip()).stream()
                .map(ApiKeyResponse::of).toList();
    }

    @POST
    @Path("/{id}/revoke")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "revokeApiKey", summary = "Revoke an API key: refused from now on (on every gateway instance within 5 s)")
    public ApiKeyResponse revoke(@PathParam("id") UUID id) {
        caller.requireRole(Role.ADMIN);
        return ApiKeyResponse.of(keys.revoke(id));
    }
}
