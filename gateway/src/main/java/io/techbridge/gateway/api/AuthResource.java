package io.techbridge.gateway.api;

import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.gateway.audit.AuditTrail;
import io.techbridge.gateway.auth.LoginService;
import io.techbridge.gateway.persistence.UserAccount;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Login, refresh and logout, and the current user. A login starts a session: a short-lived access
 * token (Bearer, RS256) and a refresh token that gets the next one. Scripts get the refresh token
 * in the body and send it back in the body; the console asks for it as an HttpOnly, SameSite=Strict
 * cookie scoped to {@code /api/auth}, which no script on the page can read and no other site can send.
 */
@Path("/api/auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Authentication", description = "Login, refresh, logout and the current user")
public class AuthResource {

    /** The refresh token's cookie, sent by the browser to the auth endpoints only. */
    public static final String COOKIE = "techbridge_refresh";
    private static final String COOKIE_PATH = "/api/auth";

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
    @Operation(operationId = "login", summary = "Exchange a login name and password for an access token (Bearer, RS256) and a refresh token")
    @APIResponse(responseCode = "200", description = "the access token; the refresh token in the body, or in the "
            + COOKIE + " cookie when refreshCookie was set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "wrong login name or password, or the account is disabled (one answer for all)",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "429", description = "rate-limited (too many requests from this address) or login-throttled "
            + "(too many failed logins in a row for this name, from any address: each further failure doubles the wait, "
            + "up to 5 minutes); Retry-After says when to try again",
            headers = @Header(name = "Retry-After", description = "seconds to wait", schema = @Schema(type = SchemaType.INTEGER)),
            content = @Content(mediaType = "application/problem+json"))
    public Response login(@Valid @NotNull LoginRequest request, @Context UriInfo uri, @Context HttpHeaders headers,
            @Context RoutingContext routing) {
        // The audit trail names the login by the name typed, and a successful one by its account.
        routing.put(AuditTrail.ACTOR, new AuditTrail.Actor(null, request.username(), null, null));
        LoginService.LoggedIn loggedIn = logins.login(request.username(), request.password());
        UserAccount user = loggedIn.user();
        routing.put(AuditTrail.ACTOR, new AuditTrail.Actor(user.id.toString(), user.username,
                user.organisation.type.role().claim(), user.organisation.id));
        return answer(loggedIn, request.wantsCookie(), secure(uri, headers));
    }

    @POST
    @Path("/refresh")
    @PermitAll
    @Operation(operationId = "refreshAccessToken", summary = "Exchange a refresh token (body, else the cookie) for a new access token and the refresh "
            + "token's successor; the old one is then spent")
    @APIResponse(responseCode = "200", description = "the access token; the refresh token in the body, or in the "
            + COOKIE + " cookie when refreshCookie was set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = LoginResponse.class)))
    @APIResponse(responseCode = "401", description = "the token is unknown, expired or spent, or its session ended "
            + "(logout, the account disabled or given a new password); a spent token presented again ends its session")
    public Response refresh(@Valid RefreshRequest request, @CookieParam(COOKIE) String cookie, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        boolean fromCookie = request == null || request.refreshToken() == null;
        String refreshToken = presented(request, cookie);
        boolean secure = secure(uri, headers);
        try {
            return answer(logins.refresh(refreshToken), fromCookie, secure);
        } catch (ProblemException refused) {
            Response problem = refused.problem().withInstance(uri.getPath()).toResponse();
            // The browser forgets a cookie that can never work again.
            return fromCookie ? Response.fromResponse(problem).cookie(clearedCookie(secure)).build() : problem;
        }
    }

    @POST
    @Path("/logout")
    @PermitAll
    @Operation(operationId = "logout", summary = "End the session of a refresh token (body, else the cookie); its access tokens lapse within their lifetime")
    @APIResponse(responseCode = "204", description = "the session has ended (or had already)")
    public Response logout(@Valid RefreshRequest request, @CookieParam(COOKIE) String cookie, @Context UriInfo uri,
            @Context HttpHeaders headers) {
        boolean fromCookie = request == null || request.refreshToken() == null;
        logins.logout(presented(request, cookie));
        Response.ResponseBuilder answer = Response.noContent();
        return (fromCookie ? answer.cookie(clearedCookie(secure(uri, headers))) : answer).build();
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
            throw Problems.unauthenticated("the token names no TechBridge account");
        }
        return UserSummary.of(logins.current(id));
    }

    /** The refresh token of the body, else of the cookie; 400 naming {@code refreshToken} when there is none. */
    private static String presented(RefreshRequest request, String cookie) {
        if (request != null && request.refreshToken() != null) {
            return request.refreshToken();
        }
        if (cookie != null && !cookie.isEmpty()) {
            return cookie;
        }
        throw Problems.invalidField("refreshToken", "NotNull",
                "send the refresh token in the body, or the " + COOKIE + " cookie that a login with refreshCookie set");
    }

    private static Response answer(LoginService.LoggedIn session, boolean asCookie, boolean secure) {
        long refreshSeconds = Math.max(0, Duration.between(Instant.now(), session.refresh().expiresAt()).toSeconds());
        LoginResponse body = new LoginResponse(session.token().token(), "Bearer", session.token().lifetime().toSeconds(),
                asCookie ? null : session.refresh().token(), refreshSeconds, UserSummary.of(session.user()));
        Response.ResponseBuilder answer = Response.ok(body).header("Cache-Control", "no-store");
        if (asCookie) {
            answer.cookie(cookie(session.refresh().token(), (int) Math.min(Integer.MAX_VALUE, refreshSeconds), secure));
        }
        return answer.build();
    }

    private static NewCookie cookie(String value, int maxAge, boolean secure) {
        return new NewCookie.Builder(COOKIE).value(value).path(COOKIE_PATH).maxAge(maxAge).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    private static NewCookie clearedCookie(boolean secure) {
        return cookie("", 0, secure);
    }

    /** Secure cookies when the client reached the gateway over HTTPS, directly or through a proxy that says so. */
    private static boolean secure(UriInfo uri, HttpHeaders headers) {
        String forwarded = headers.getHeaderString("X-Forwarded-Proto");
        return "https".equalsIgnoreCase(uri.getRequestUri().getScheme())
                || (forwarded != null && forwarded.toLowerCase(java.util.Locale.ROOT).startsWith("https"));
    }
}
