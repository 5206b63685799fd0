package io.techbridge.gateway.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.micrometer.core.instrument.Timer;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.web.RequestIds;
import io.techbridge.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response.Status;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.net.URI;
import java.util.HashSet;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Forwards a request to its service and the answer back, both bodies streamed. A service that
 * cannot be reached gives 503 within the connect timeout; one that does not answer within the read
 * timeout gives 504; the client never waits unbounded. A request safe to repeat (GET, HEAD, OPTIONS,
 * or any carrying an {@code Idempotency-Key}, which the services answer once) whose instance took it
 * and went away before answering is sent once more to another instance: its body, while it is sent,
 * is also kept in memory up to {@code techbridge.gateway.resend-max-body} ({@link Replay}).
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);
    private static final Pattern SAFE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** RFC 9110 7.6.1: meaningful for one connection only, never forwarded. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade", "host");
    /** A caller's trace context: the gateway's own span continues it, and the service gets the gateway's. */
    private static final Set<String> TRACE_HEADERS = Set.of("traceparent", "tracestate");

    private final HttpClient client;
    /** For requests with a body: their connections are never reused (see {@link #forward}). */
    private final HttpClient oneShot;
    private final UpstreamBalancer balancer;
    private final long readTimeoutMillis;
    private final long connectTimeoutMillis;
    private final long connectRetryAfterMillis;
    private final ProblemWriter problems;
    private final MeterRegistry registry;
    private final long maxBody;
    private final Counter resent;
    private final Counter connectsRetried;

    public UpstreamProxy(Vertx vertx, GatewayConfig config, UpstreamBalancer balancer, ProblemWriter problems,
            MeterRegistry registry) {
        this.balancer = balancer;
        this.problems = problems;
        this.registry = registry;
        this.maxBody = config.resendMaxBody().asLongValue();
        this.resent = Counter.builder("techbridge.gateway.requests.resent")
                .description("Requests safe to repeat sent to another instance after the first went away before answering")
                .register(registry);
        this.connectsRetried = Counter.builder("techbridge.gateway.connects.retried")
                .description("Requests whose service could not be connected to at first, tried once more")
                .register(registry);
        this.connectTimeoutMillis = config.connectTimeout().toMillis();
        this.connectRetryAfterMillis = Math.max(1, config.connectRetryAfter().toMillis());
        this.readTimeoutMillis = config.readTimeout().toMillis();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) connectTimeoutMillis)
                        .setKeepAlive(true)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024));
        this.oneShot = vertx.createHttpClient(new HttpClientOptions()
                        .setConnectTimeout((int) connectTimeoutMillis)
                        .setKeepAlive(false)
                        .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(64).setMaxWaitQueueSize(1024));
    }

    @PreDestroy
    void close() {
        client.close();
        oneShot.close();
    }

    /** The service's first configured base URL. */
    public URI base(Upstream upstream) {
        return balancer.bases(upstream).getFirst();
    }

    void forward(RoutingContext ctx, RouteTable.Rule rule) {
        HttpServerRequest request = ctx.request();
        // Nothing of the body may be read before the service's connection is there to take it.
        request.pause();
        String requestId = requestId(request);
        ctx.response().putHeader(RequestIds.HEADER, requestId);
        forward(ctx, rule, requestId, System.nanoTime(), new HashSet<>(),
                Replay.repeatable(request) ? new Replay(maxBody, !hasBody(request)) : null, new Unreached());
    }

    /** The connects of one request that failed: nothing reached a service, so every instance may be tried again once. */
    private static final class Unreached {
        Throwable last;
        boolean triedAgain;
    }

    /**
     * Sends the request to an instance of its service not yet tried. An instance that cannot be
     * connected to has received nothing (the body is still paused), so the request goes on to the
     * next one, and when none could be, each is tried once more after {@code connect-retry-after}; 503
     * only when still none could be reached. {@code replay}: null for a request that must not be sent twice.
     */
    private void forward(RoutingContext ctx, RouteTable.Rule rule, String requestId, long started, Set<Long> tried,
            Replay replay, Unreached unreached) {
        HttpServerRequest request = ctx.request();
        Optional<UpstreamBalancer.Target> next = balancer.choose(rule.upstream(), tried);
        if (next.isEmpty() && replay != null && replay.lost != null) {
            // Sent again, but no other instance could be reached: the first one's failure is the answer.
            upstreamFailed(ctx, rule, requestId, started, replay.lost);
            return;
        }
        if (next.isEmpty() && unreached.last != null && !unreached.triedAgain && !ctx.response().closed()) {
            // A connect refused for a moment (seen once in 10,000 requests with the service up) is no outage.
            unreached.triedAgain = true;
            connectsRetried.increment();
            ctx.vertx().setTimer(connectRetryAfterMillis, again -> forward(ctx, rule, requestId, started, new HashSet<>(), replay,
                    unreached));
            return;
        }
        if (next.isEmpty()) {
            finish(ctx, rule, requestId, started, 503, new java.net.ConnectException("no instance of "
                    + rule.upstream().service() + " could be reached"
                    + (unreached.last == null ? "" : " (last: " + unreached.last + ")")));
            problems.write(ctx, Problem.of(Status.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    rule.upstream().service() + " cannot be reached; try again shortly"));
            request.resume();
            return;
        }
        UpstreamBalancer.Target target = next.get();
        tried.add(target.id());
        URI base = target.base();
        String query = request.query();
        String path = base.getRawPath().replaceAll("/+$", "") + ctx.normalizedPath() + (query == null ? "" : "?" + query);

        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(base.getHost())
                .setPort(port(base))
                .setSsl("https".equalsIgnoreCase(base.getScheme()))
                .setURI(path)
                .setConnectTimeout(connectTimeoutMillis);
        copyRequestHeaders(request, options.getHeaders() == null ? initHeaders(options) : options.getHeaders());
        MultiMap headers = options.getHeaders();
        headers.set(RequestIds.HEADER, requestId);
        // The service's span is a child of the gateway's (which continues a caller's traceparent, if any);
        // Vert.x's tracing, when it makes a client span for the exchange, puts that one's in its place.
        W3CTraceContextPropagator.getInstance().inject(Context.current(), headers, MultiMap::set);
        String forwardedFor = request.getHeader("X-Forwarded-For");
        String address = RequestGuard.clientAddress(ctx);
        headers.set("X-Forwarded-For", forwardedFor == null || forwardedFor.isBlank() ? address : forwardedFor + ", " + address);
        headers.set("X-Forwarded-Proto", request.scheme() == null ? "http" : request.scheme());
        if (request.getHeader("Host") != null) {
            headers.set("X-Forwarded-Host", request.getHeader("Host"));
        }

        // A service may answer a request before it has read the body (401, 406, 413, 503) and then close the
        // connection; reused, such a connection fails the next request before it reaches the service. So a
        // request with a body gets a connection of its own, and the pool keeps only bodiless exchanges.
        (hasBody(request) ? oneShot : client).request(options).onComplete(connected -> {
            if (connected.failed()) {
                unreached.last = connected.cause();
                target.ended(connected.cause());
                balancer.markDown(target);
                LOG.debugf("%s unreachable (%s), trying another instance", base, connected.cause());
                forward(ctx, rule, requestId, started, tried, replay, unreached);
                return;
            }
            HttpClientRequest upstream = connected.result();
            upstream.response().onComplete(answered -> {
                if (answered.failed()) {
                    target.ended(answered.cause());
                    if (replay != null && replay.mayResend(answered.cause()) && !ctx.response().closed()) {
                        // Taken and lost before any answer: the services answer a repeat of it once, so another
                        // instance may have it.
                        replay.lost = answered.cause();
                        resent.increment();
                        LOG.infof("%s went away before answering %s %s (%s); sending it to another instance", base,
                                request.method(), ctx.normalizedPath(), answered.cause());
                        forward(ctx, rule, requestId, started, tried, replay, unreached);
                        return;
                    }
                    upstreamFailed(ctx, rule, requestId, started, answered.cause());
                    return;
                }
                target.replied();
                relay(ctx, rule, requestId, started, answered.result(), target);
            });
            if (!hasBody(request)) {
                upstream.idleTimeout(readTimeoutMillis);
                request.resume();
                upstream.end();
            } else {
                if (request.getHeader("Content-Length") == null) {
                    upstream.setChunked(true);
                }
                if (replay != null && replay.lost != null) {
                    // Sent again: the body was read whole before, and kept.
                    upstream.end(replay.body).onSuccess(sent -> upstream.idleTimeout(readTimeoutMillis));
                } else if (replay != null) {
                    replay.sendAndKeep(request, upstream).onSuccess(sent -> upstream.idleTimeout(readTimeoutMillis));
                } else {
                    // The read timeout runs from the end of the body: a large upload over a slow link may take
                    // longer than the service's answer. A body cut short is never ended as if whole: a client
                    // that goes away resets the exchange (below), and a service that answered early and closed
                    // the connection has its answer relayed all the same.
                    request.pipe().endOnFailure(false).to(upstream).onSuccess(sent -> upstream.idleTimeout(readTimeoutMillis));
                }
            }
            // The client went away: stop the service's work on its behalf.
            ctx.response().closeHandler(closed -> upstream.reset());
        });
    }

    private void relay(RoutingContext ctx, RouteTable.Rule rule, String requestId, long started, HttpClientResponse answer,
            UpstreamBalancer.Target target) {
        HttpServerResponse response = ctx.response();
        if (response.closed()) {
            target.ended(null);
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        response.setStatusMessage(answer.statusMessage());
        for (Map.Entry<String, String> header : answer.headers()) {
            if (!forbidden(header.getKey(), answer.headers())) {
                response.headers().add(header.getKey(), "Location".equalsIgnoreCase(header.getKey())
                        ? throughGateway(header.getValue(), target.base()) : header.getValue());
            }
        }
        response.headers().set(RequestIds.HEADER, requestId);
        boolean bodyless = ctx.request().method() == HttpMethod.HEAD || answer.statusCode() == 204
                || answer.statusCode() == 304 || answer.statusCode() < 200;
        if (!bodyless && answer.getHeader("Content-Length") == null) {
            response.setChunked(true);
        }
        answer.pipeTo(response).onComplete(done -> {
            target.ended(done.failed() ? done.cause() : null);
            finish(ctx, rule, requestId, started, answer.statusCode(), done.failed() ? done.cause() : null);
            if (done.failed() && !response.closed()) {
                // The head is already sent: the only honest signal left is a broken connection.
                response.reset();
            }
        });
    }

    private void upstreamFailed(RoutingContext ctx, RouteTable.Rule rule, String requestId, long started, Throwable cause) {
        if (cause instanceof TimeoutException) {
            finish(ctx, rule, requestId, started, 504, cause);
            problems.write(ctx, Problem.of(Status.GATEWAY_TIMEOUT, "service-timeout", "Service did not answer",
                    rule.upstream().service() + " did not answer within " + readTimeoutMillis / 1000 + " s"));
        } else if (wentAway(cause)) {
            // The service closed or lost the connection before it answered: it crashed or is stopping,
            // so it is unavailable, as when it cannot be reached at all.
            finish(ctx, rule, requestId, started, 503, cause);
            problems.write(ctx, Problem.of(Status.SERVICE_UNAVAILABLE, "service-unavailable", "Service unavailable",
                    rule.upstream().service() + " went away before it answered; the request may or may not have been"
                            + " applied: read it back before repeating a change (or repeat it with its Idempotency-Key)")
                    .withContext(Map.of(Problem.RETRY_AFTER_SECONDS, 5)));
        } else {
            finish(ctx, rule, requestId, started, 502, cause);
            problems.write(ctx, Problem.of(Status.BAD_GATEWAY, "bad-gateway", "Bad gateway",
                    rule.upstream().service() + " broke off the exchange; the request may or may not have been applied"));
        }
        ctx.request().resume();
    }

    /** A connection closed or reset before the answer came, rather than an answer that could not be read. */
    static boolean wentAway(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof io.vertx.core.http.HttpClosedException || c instanceof java.io.IOException) {
                return true;
            }
        }
        return false;
    }

    /**
     * What is needed to send a request once more: it is safe to repeat, and its body (if any) was read
     * whole and kept. The body is kept while it is sent, up to {@code limit}; a larger
     * one, or one still arriving when the instance went away, is not sent again.
     */
    static final class Replay {

        private final long limit;
        /** The body as sent; null once it outgrew the limit. */
        private Buffer body = Buffer.buffer();
        private boolean complete;
        /** Why the first instance failed, once the request is being sent again; then it is not sent a third time. */
        private Throwable lost;

        Replay(long limit, boolean bodiless) {
            this.limit = limit;
            this.complete = bodiless;
        }

        /** GET, HEAD, OPTIONS, or a request carrying an Idempotency-Key (the services answer a repeat of it once). */
        static boolean repeatable(HttpServerRequest request) {
            HttpMethod method = request.method();
            if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
                return true;
            }
            String key = request.getHeader("Idempotency-Key");
            return key != null && !key.isBlank();
        }

        /** Not sent again yet, its body whole, and the instance went away (not a timeout: it may still be working). */
        boolean mayResend(Throwable failure) {
            return lost == null && complete && body != null && !(failure instanceof TimeoutException) && wentAway(failure);
        }

        /** Streams the body to the instance as a pipe does (pausing the client while the instance is slow), keeping a copy. */
        Future<Void> sendAndKeep(HttpServerRequest request, HttpClientRequest upstream) {
            boolean[] broken = {false};
            upstream.exceptionHandler(failure -> broken[0] = true);
            request.handler(chunk -> {
                if (body != null) {
                    body = body.length() + chunk.length() > limit ? null : body.appendBuffer(chunk);
                }
                if (broken[0]) {
                    return;
                }
                upstream.write(chunk);
                if (upstream.writeQueueFull()) {
                    request.pause();
                    upstream.drainHandler(drained -> request.resume());
                }
            });
            Promise<Void> sent = Promise.promise();
            // A body cut short is never ended as if whole: the client's going away resets the exchange.
            request.endHandler(ended -> {
                complete = true;
                if (!broken[0]) {
                    upstream.end().onComplete(sent);
                }
            });
            request.resume();
            return sent.future();
        }
    }

    private void finish(RoutingContext ctx, RouteTable.Rule rule, String requestId, long started, int status, Throwable failure) {
        long nanos = System.nanoTime() - started;
        Timer.builder("techbridge.gateway.requests")
                .description("Requests routed to the services, by route, method and status")
                .tag("route", rule.name())
                .tag("upstream", rule.upstream().service())
                .tag("method", ctx.request().method().name())
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram(false)
                .register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
        MDC.put(RequestIds.MDC_KEY, requestId);
        try {
            if (failure == null) {
                LOG.debugf("%s %s -> %s %d in %d ms", ctx.request().method(), ctx.request().path(),
                        rule.upstream().service(), status, nanos / 1_000_000);
            } else {
                LOG.warnf("%s %s -> %s %d in %d ms: %s", ctx.request().method(), ctx.request().path(),
                        rule.upstream().service(), status, nanos / 1_000_000, failure.toString());
            }
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
        }
    }

    /** HTTP/1.1 announces a body by its headers; HTTP/2 by a stream not yet ended with the headers. */
    /**
     * A Location the service wrote with its own address (it knows no other) becomes a path of the
     * gateway, which the client resolves against the URL it called: the service's address is internal.
     */
    static String throughGateway(String location, URI base) {
        String origin = base.getScheme() + "://" + base.getHost() + ":" + port(base);
        String originWithoutPort = base.getScheme() + "://" + base.getHost();
        for (String own : List.of(origin, originWithoutPort)) {
            if (location.startsWith(own + "/")) {
                return location.substring(own.length());
            }
        }
        return location;
    }

    private static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length != null) {
            return !"0".equals(length.trim());
        }
        if (request.getHeader("Transfer-Encoding") != null) {
            return true;
        }
        return request.version() == io.vertx.core.http.HttpVersion.HTTP_2 && !request.isEnded();
    }

    private static MultiMap initHeaders(RequestOptions options) {
        options.setHeaders(MultiMap.caseInsensitiveMultiMap());
        return options.getHeaders();
    }

    private static void copyRequestHeaders(HttpServerRequest request, MultiMap target) {
        for (Map.Entry<String, String> header : request.headers()) {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!forbidden(name, request.headers()) && !name.startsWith("x-forwarded-") && !name.equals("x-request-id")
                    && !name.equals("forwarded") && !TRACE_HEADERS.contains(name)) {
                target.add(header.getKey(), header.getValue());
            }
        }
    }

    /** Hop-by-hop headers, and any the Connection header names as such. */
    private static boolean forbidden(String name, MultiMap headers) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (HOP_BY_HOP.contains(lower)) {
            return true;
        }
        String connection = headers.get("Connection");
        if (connection != null) {
            for (String token : connection.split(",")) {
                if (token.trim().equalsIgnoreCase(lower)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String requestId(HttpServerRequest request) {
        String sent = request.getHeader(RequestIds.HEADER);
        return sent != null && SAFE_REQUEST_ID.matcher(sent).matches() ? sent : UUID.randomUUID().toString();
    }

    private static int port(URI base) {
        if (base.getPort() > 0) {
            return base.getPort();
        }
        return "https".equalsIgnoreCase(base.getScheme()) ? 443 : 80;
    }
}
