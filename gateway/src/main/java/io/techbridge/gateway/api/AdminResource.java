package io.techbridge.gateway.api;

import io.techbridge.commons.idempotency.Idempotent;
import org.eclipse.microprofile.openapi.annotations.extensions.Extension;
import io.techbridge.commons.api.ProblemResponses;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.gateway.accounts.AccountService;
import io.techbridge.gateway.auth.LoginThrottle;
import io.techbridge.gateway.persistence.LoginFailures;
import io.techbridge.gateway.persistence.UserAccount;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Organisations and accounts; the platform operator (role admin) only. */
@Path("/api/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisations and accounts", description = "Organisations and their users (role admin)")
@SecurityRequirement(name = "bearer")
public class AdminResource {

    private final AccountService accounts;
    private final LoginThrottle throttle;
    private final Caller caller;
    private final AdminRequests requests;

    public AdminResource(AccountService accounts, LoginThrottle throttle, Caller caller, AdminRequests requests) {
        this.accounts = accounts;
        this.throttle = throttle;
        this.caller = caller;
        this.requests = requests;
    }

    @GET
    @Path("/organisations")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "listOrganisations", summary = "All organisations, by name")
    public List<OrganisationResponse> organisations() {
        caller.requireRole(Role.ADMIN);
        return accounts.organisations().stream().map(OrganisationResponse::of).toList();
    }

    @GET
    @Path("/organisations/{id}")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "getOrganisation", summary = "One organisation")
    public OrganisationResponse organisation(@PathParam("id") String id) {
        caller.requireRole(Role.ADMIN);
        return OrganisationResponse.of(accounts.organisation(id));
    }

    @POST
    @Idempotent
    @Path("/organisations")
    @Operation(operationId = "createOrganisation", summary = "Register an organisation; without an id one is derived from the name")
    @APIResponse(responseCode = "201", description = "created; Location names it",
            headers = @Header(name = "Location", description = "the URL of the new record", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OrganisationResponse.class)))
    @APIResponse(responseCode = "409", description = "duplicate: the organisation id is taken",
            content = @Content(mediaType = "application/problem+json"))
    public Response createOrganisation(OrganisationRequest request, UriInfo uri) {
        caller.requireRole(Role.ADMIN);
        requests.validate(request);
        OrganisationResponse created = OrganisationResponse.of(accounts.createOrganisation(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    @Path("/users")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "listUsers", summary = "All accounts, or those of one organisation")
    public List<UserResponse> users(@QueryParam("organisationId") String organisationId) {
        caller.requireRole(Role.ADMIN);
        List<UserAccount> users = accounts.users(organisationId);
        Map<String, LoginFailures> failures = throttle.standing(users.stream().map(u -> u.username).toList(), Instant.now());
        return users.stream().map(u -> UserResponse.of(u, failures.get(u.username))).toList();
    }

    @GET
    @Path("/users/{id}")
    @Extension(name = ProblemResponses.FORBIDDEN, value = "admins")
    @Operation(operationId = "getUser", summary = "One account")
    public UserResponse user(@PathParam("id") UUID id) {
        caller.requireRole(Role.ADMIN);
        UserAccount user = accounts.user(id);
        return UserResponse.of(user, throttle.standing(List.of(user.username), Instant.now()).get(user.username));
    }

    @POST
    @Idempotent(secretBody = true)
    @Path("/users")
    @Operation(operationId = "createUser", summary = "Create an account for an organisation; its role follows from the organisation's type")
    @APIResponse(responseCode = "201", description = "created; Location names it",
            headers = @Header(name = "Location", description = "the URL of the new record", schema = @Schema(type = SchemaType.STRING)),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = UserResponse.class)))
    @APIResponse(responseCode = "409", description = "duplicate: the username (whatever its case) is taken",
            content = @Content(mediaType = "application/problem+json"))
    public Response createUser(UserCreateRequest request, UriInfo uri) {
        caller.requireRole(Role.ADMIN);
        requests.validate(request);
        UserResponse created = UserResponse.of(accounts.createUser(request));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build()).entity(created).build();
    }

    @PATCH
    @Path("/users/{id}")
    @Operation(operationId = "updateUser", summary = "Change an account's display name, enabled flag or password")
    public UserResponse updateUser(@PathParam("id") UUID id, UserUpdateRequest request) {
        caller.requireRole(Role.ADMIN);
        requests.validate(request);
        return UserResponse.of(accounts.updateUser(id, request));
    }
}
