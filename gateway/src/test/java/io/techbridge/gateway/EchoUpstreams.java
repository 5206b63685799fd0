package io.techbridge.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.techbridge.deploy.local.testing.TestServers;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Three small HTTP servers standing in for the services: each answers any request with what it
 * received (method, path, query, headers, body size and SHA-256, the body itself when small),
 * waits 5 s on a path ending in {@code /slow}, closes the connection without an answer on {@code /crash}, streams {@code ?bytes=N} bytes on {@code /download},
 * and serves a small OpenAPI document at {@code /q/openapi}. Init argument {@code down}: services
 * (achievement, demand, matching) to leave on a port nothing listens on. Init argument
 * {@code instances=2}: each service gets two stand-ins and, between them, a URL nothing listens on
 * (three base URLs); {@link #stopSecondInstance} stops the second stand-in of a service. Init
 * argument {@code dropping} (with {@code instances=2}): services whose first stand-in reads each
 * {@code /api} request whole and closes the connection without an answer, as an instance killed in
 * the middle of a request; {@link #dropped} counts them.
 */
public final class EchoUpstreams implements QuarkusTestResourceLifecycleManager {

    private static final String[] SERVICES = {"achievement", "demand", "matching"};
    private Vertx vertx;
    private final List<HttpServer> servers = new ArrayList<>();
    private Set<String> down = Set.of();
    private int instances = 1;
    private Set<String> dropping = Set.of();
    /** Requests the dropping stand-in of each service took and left unanswered. */
    private static final Map<String, java.util.concurrent.atomic.AtomicInteger> DROPPED = new java.util.concurrent.ConcurrentHashMap<>();
    /** The port of each service left down; {@link #bringUp} starts its stand-in there. */
    private static final Map<String, Integer> DOWN_PORTS = new java.util.concurrent.ConcurrentHashMap<>();
    private static EchoUpstreams running;
    /** The second stand-in of each service when there are two; the tests run in this JVM and stop them. */
    private static final Map<String, HttpServer> SECOND = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        String value = initArgs.getOrDefault("down", "");
        down = value.isBlank() ? Set.of() : Set.of(value.split(","));
        instances = Integer.parseInt(initArgs.getOrDefault("instances", "1"));
        String dropped = initArgs.getOrDefault("dropping", "");
        dropping = dropped.isBlank() ? Set.of() : Set.of(dropped.split(","));
    }

    /** How many requests the first stand-in of {@code service} took and dropped so far. */
    public static int dropped(String service) {
        return DROPPED.computeIfAbsent(service, s -> new java.util.concurrent.atomic.AtomicInteger()).get();
    }

    /** Stops the second stand-in of {@code service}, as a crash of that instance would. */
    public static void stopSecondInstance(String service) {
        SECOND.get(service).close().toCompletionStage().toCompletableFuture().join();
    }

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        running = this;
        Map<String, String> config = new java.util.HashMap<>();
        for (String service : SERVICES) {
            int port;
            if (down.contains(service)) {
                port = TestServers.freePort();
                DOWN_PORTS.put(service, port);
            } else {
                port = standIn(service, dropping.contains(service)).actualPort();
            }
            String urls = "http://127.0.0.1:" + port;
            if (instances == 2) {
                HttpServer second = standIn(service, false);
                SECOND.put(service, second);
                urls += ",http://127.0.0.1:" + TestServers.freePort() + ",http://127.0.0.1:" + second.actualPort();
            }
            config.put("techbridge.gateway.upstream." + service, urls);
        }
        return config;
    }

    /** Starts the stand-in of a service left down, on its port, as a service coming up; close it to take it down again. */
    public static HttpServer bringUp(String service) {
        return running.standIn(service, false, DOWN_PORTS.get(service));
    }

    private HttpServer standIn(String service, boolean drops) {
        return standIn(service, drops, 0);
    }

    private HttpServer standIn(String service, boolean drops, int port) {
        HttpServer server = vertx.createHttpServer().requestHandler(request -> {
            if (drops && request.path().startsWith("/api/")) {
                // Ready by its probe, but each request is taken whole and lost: no answer, the connection closes.
                request.endHandler(done -> {
                    DROPPED.computeIfAbsent(service, s -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
                    request.connection().close();
                });
                return;
            }
            handle(service, request);
        });
        try {
            server.listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the " + service + " stand-in", e);
        }
        servers.add(server);
        return server;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            vertx.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    private void handle(String service, HttpServerRequest request) {
        if (request.path().equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(openapi(service).encode());
            return;
        }
        if (request.path().endsWith("/download")) {
            long bytes = Long.parseLong(request.getParam("bytes"));
            request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            writeChunks(request, bytes);
            return;
        }
        MessageDigest sha256 = sha256();
        long[] size = {0};
        StringBuilder small = new StringBuilder();
        request.handler(chunk -> {
            size[0] += chunk.length();
            sha256.update(chunk.getBytes());
            if (small.length() < 65536) {
                small.append(chunk.toString());
            }
        });
        request.endHandler(done -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject()
                    .put("service", service)
                    .put("port", request.localAddress().port())
                    .put("method", request.method().name())
                    .put("path", request.path())
                    .put("query", request.query())
                    .put("headers", headers)
                    .put("bodySize", size[0])
                    .put("bodySha256", HexFormat.of().formatHex(sha256.digest()))
                    .put("body", size[0] <= 65536 ? small.toString() : null);
            if (request.path().endsWith("/created")) {
                // As a service writes it: an absolute URL of the address the request came to.
                request.response().putHeader("Location", "http://" + request.getHeader("Host") + "/api/records/r-1?view=full");
            }
            Runnable answer = () -> request.response().putHeader("Content-Type", "application/json")
                    .putHeader("X-Upstream", service).putHeader("Keep-Alive", "timeout=5").end(echo.encode());
            if (request.path().endsWith("/crash")) {
                // As a service killed in the middle of a request: the connection goes, no answer comes.
                request.connection().close();
                return;
            }
            if (request.path().endsWith("/slow")) {
                vertx.setTimer(5000, t -> {
                    if (!request.response().closed()) {
                        answer.run();
                    }
                });
            } else {
                answer.run();
            }
        });
    }

    /** Writes the bytes in 64 KB pieces, waiting whenever the connection is full. */
    private static void writeChunks(HttpServerRequest request, long remaining) {
        var response = request.response();
        while (remaining > 0 && !response.writeQueueFull()) {
            int n = (int) Math.min(65536, remaining);
            byte[] piece = new byte[n];
            java.util.Arrays.fill(piece, (byte) 'x');
            response.write(Buffer.buffer(piece));
            remaining -= n;
        }
        if (remaining == 0) {
            response.end();
            return;
        }
        long left = remaining;
        response.drainHandler(v -> writeChunks(request, left));
    }

    /** A path the gateway routes to this service, and a schema whose name every stand-in uses differently. */
    private static JsonObject openapi(String service) {
        String path = "/api/" + (service.equals("matching") ? "matches" : service + "s") + "/{id}";
        JsonObject schema = new JsonObject().put("type", "object")
                .put("properties", new JsonObject().put(service + "Id", new JsonObject().put("type", "string")));
        JsonObject operation = new JsonObject().put("tags", new JsonArray().add(service))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "ok")
                        .put("content", new JsonObject().put("application/json", new JsonObject()
                                .put("schema", new JsonObject().put("$ref", "#/components/schemas/Page"))))));
        return new JsonObject().put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", service).put("version", "1"))
                .put("tags", new JsonArray().add(new JsonObject().put("name", service)))
                .put("paths", new JsonObject()
                        .put(path, new JsonObject().put("get", operation))
                        .put("/api/not-routed-" + service, new JsonObject().put("get", operation)))
                .put("components", new JsonObject().put("schemas", new JsonObject().put("Page", schema)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
