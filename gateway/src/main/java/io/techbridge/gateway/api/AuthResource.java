package io.techbridge.gateway.api;

import io.techbridge.commons.security.Caller;
import io.techbridge.gateway.auth.LoginService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Login and the current user")
public class AuthResource {

    private final LoginService logins;
    private final Caller caller;
    private final JsonWebToken token;

    public AuthResource(LoginService logins, Caller caller, JsonWebToken token) {
        this.logins = logins;
        this.caller = caller;
        this.token = token;
    }

    @POST
    @Path("/login")
    @PermitAll
    @Operation(operationId = "login", summary = "Exchange a login name and password for an access token (Bearer, RS256)")
    public LoginResponse login(@Valid @NotNull LoginRequest request) {
        LoginService.LoggedIn loggedIn = logins.login(request.username(), request.password());
        return new LoginResponse(loggedIn.token().token(), "Bearer", loggedIn.token().lifetime().toSeconds(),
                UserSummary.of(loggedIn.user()));
    }

    @GET
    @Path("/me")
    @Operation(operationId = "getMe", summary = "The user of the token")
    public UserSummary me() {
        caller.requireAuthenticated();
        UUID id;
        try {
            id = UUID.fromString(token.getSubject());
        } catch (IllegalArgumentException | NullPointerException notAnAccount) {
            throw io.techbridge.commons.problem.Problems.unauthenticated("the token names no TechBridge account");
        }
        return UserSummary.of(logins.current(id));
    }
}
