package io.techbridge.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.techbridge.commons.problem.Problem;
import io.techbridge.gateway.auth.AccessRevocations;
import io.techbridge.gateway.auth.ApiKeys;
import io.techbridge.gateway.auth.TokenIssuer;
import io.techbridge.gateway.config.GatewayConfig;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Set;

/**
 * Runs first for every {@code /api} request: checks a sent API key ({@link ApiKeys}: unknown or
 * revoked → 401, a read-only key writing → 403, else the request goes on with the key's access
 * token), verifies a sent token (an invalid one, or one of an
 * account disabled or given a new password since it was issued, is refused here, before any
 * service sees it) and spends one token of the caller's buckets — per account (the token's
 * {@code sub}), per client address, and for logins per address — answering 429 with Retry-After
 * when one is empty. The buckets are shared by all gateway instances through the database
 * ({@link RateLimiter}, which holds them in memory while the database is out); the check runs on a
 * worker thread, the request's body paused meanwhile. Login, refresh and logout take no access
 * token: one sent along (say, the expired token a refresh replaces) is not looked at.
 */
@ApplicationScoped
public class RequestGuard {

    private static final Logger LOG = Logger.getLogger(RequestGuard.class);

    static final String SUBJECT = "techbridge.subject";
    /** The verified token of the request, if it sent one. */
    public static final String TOKEN = "techbridge.token";
    private static final String LOGIN_PATH = "/api/auth/login";
    private static final Set<String> WITHOUT_ACCESS_TOKEN = Set.of(LOGIN_PATH, "/api/auth/refresh", "/api/auth/logout");

    private final JWTParser parser;
    private final AccessRevocations revocations;
    private final ApiKeys apiKeys;
    private final RateLimiter limiter;
    private final ProblemWriter problems;
    private final boolean enabled;
    private final Counter limited;
    private final Counter refusedTokens;

    public RequestGuard(JWTParser parser, AccessRevocations revocations, ApiKeys apiKeys, RateLimiter limiter,
            ProblemWriter problems, GatewayConfig config, MeterRegistry registry) {
        this.parser = parser;
        this.revocations = revocations;
        this.apiKeys = apiKeys;
        this.limiter = limiter;
        this.problems = problems;
        this.enabled = config.rateLimit().enabled();
        this.limited = Counter.builder("techbridge.gateway.rate.limited")
                .description("Requests refused with 429 because a rate limit was reached").register(registry);
        this.refusedTokens = Counter.builder("techbridge.gateway.tokens.refused")
                .description("Requests refused with 401 because their token did not verify").register(registry);
    }

    void handle(RoutingContext ctx) {
        String subject = null;
        String authorization = ctx.request().getHeader("Authorization");
        if (authorization != null && !authorization.isBlank() && !WITHOUT_ACCESS_TOKEN.contains(ctx.normalizedPath())) {
            if (authorization.regionMatches(true, 0, "Bearer ", 0, 7) && ApiKeys.isKey(authorization.substring(7).trim())) {
                switch (apiKeys.check(authorization.substring(7).trim(), ctx.request().method())) {
                    case ApiKeys.Check.Unknown unknown -> {
                        refusedTokens.increment();
                        problems.write(ctx, Problem.of(Status.UNAUTHORIZED, "unauthenticated", "Login required",
                                "the API key is unknown or revoked"));
                        return;
                    }
                    case ApiKeys.Check.ReadOnly readOnly -> {
                        problems.write(ctx, Problem.of(Status.FORBIDDEN, "forbidden", "Not allowed",
                                "this API key may only read (GET)"));
                        return;
                    }
                    case ApiKeys.Check.Allowed allowed -> {
                        // The services see an access token of the key's organisation, never the key.
                        authorization = "Bearer " + allowed.accessToken();
                        ctx.request().headers().set("Authorization", authorization);
                    }
                }
            }
            JsonWebToken token;
            try {
                token = verify(authorization);
            } catch (ParseException | IllegalArgumentException e) {
                refusedTokens.increment();
                problems.write(ctx, Problem.of(Status.UNAUTHORIZED, "unauthenticated", "Login required",
                        "the token is missing, expired, or not signed by TechBridge"));
                return;
            }
            subject = token.getSubject();
            if (revocations.revoked(subject, token.getClaim(TokenIssuer.CREDENTIALS_VERSION))) {
                refusedTokens.increment();
                problems.write(ctx, Problem.of(Status.UNAUTHORIZED, "unauthenticated", "Login required",
                        "the token's account was disabled or given a new password after the token was issued"));
                return;
            }
            ctx.put(SUBJECT, subject);
            ctx.put(TOKEN, token);
        }
        if (!enabled) {
            ctx.next();
            return;
        }
        String address = clientAddress(ctx);
        String account = subject;
        boolean login = ctx.request().method() == HttpMethod.POST && LOGIN_PATH.equals(ctx.normalizedPath());
        HttpServerRequest request = ctx.request();
        // Nothing of the body may be read while the buckets are asked (the database is not for the event loop).
        request.pause();
        ctx.vertx().executeBlocking(() -> limiter.take(address, account, login), false).onComplete(taken -> {
            // The limiter answers in memory when the database fails, so a failure here is a bug: let the request on.
            long wait = taken.succeeded() ? taken.result() : 0;
            if (taken.failed()) {
                LOG.errorf(taken.cause(), "rate limits not checked for %s", ctx.normalizedPath());
            }
            // Resumed before the next handler runs: a paused body is delivered only after this handler returns,
            // so the proxy, which pauses it again at once, loses nothing.
            request.resume();
            if (wait > 0) {
                limited.increment();
                problems.write(ctx, Problem.of(Status.TOO_MANY_REQUESTS, "rate-limited", "Too many requests",
                                "the request limit was reached; retry after " + wait + " s")
                        .withContext(Map.of(Problem.RETRY_AFTER_SECONDS, wait)));
                return;
            }
            ctx.next();
        });
    }

    private JsonWebToken verify(String authorization) throws ParseException {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new IllegalArgumentException("not a bearer token");
        }
        JsonWebToken token = parser.parse(authorization.substring(7).trim());
        String subject = token.getSubject();
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("the token names no subject");
        }
        return token;
    }

    static String clientAddress(RoutingContext ctx) {
        return ctx.request().remoteAddress() == null ? "unknown" : ctx.request().remoteAddress().hostAddress();
    }
}
