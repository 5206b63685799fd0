package io.techbridge.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.techbridge.gateway.config.GatewayConfig;
import io.techbridge.gateway.routing.RouteTable;
import io.techbridge.gateway.routing.Upstream;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One OpenAPI document for the whole platform as clients see it through the gateway: the
 * gateway's own paths plus each service's paths that the gateway routes to it, with their
 * components. A component name two documents define differently is prefixed with the service's
 * name (references rewritten); a service that is down is listed under {@code x-unavailable-services}.
 */
@ApplicationScoped
public class OpenApiMerger {

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final String REF_PREFIX = "#/components/";

    private final ObjectMapper json;
    private final GatewayConfig config;
    private final HttpClient http;

    public OpenApiMerger(ObjectMapper json, GatewayConfig config) {
        this.json = json;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.connectTimeout()).build();
    }

    /** {@code publicBase}: the gateway as the client reached it, the document's one server. */
    public ObjectNode merged(URI gatewayDocument, URI publicBase) {
        Map<Upstream, CompletableFuture<JsonNode>> fetched = new LinkedHashMap<>();
        for (Upstream upstream : Upstream.values()) {
            fetched.put(upstream, fetchFromAny(serviceDocuments(upstream), 0));
        }
        ObjectNode merged = (ObjectNode) fetch(gatewayDocument).join();
        if (merged == null) {
            throw new IllegalStateException("the gateway's own OpenAPI document is not available");
        }
        merged.putObject("info")
                .put("title", "TechBridge API")
                .put("version", "1.3") // 1.<revision>, see docs/api-versioning.md
                .put("description", "Every endpoint of TechBridge as served by the gateway. Log in with POST "
                        + "/api/auth/login and send the access token as 'Authorization: Bearer <token>'; reads of "
                        + "public records need none. An access token lives expiresIn seconds (50 by default): get the "
                        + "next one with POST /api/auth/refresh and the refresh token, which is spent by its use.");
        merged.putArray("servers").addObject().put("url", publicBase.toString().replaceAll("/+$", ""))
                .put("description", "this gateway: every path below is served here");
        ObjectNode paths = merged.withObject("/paths");
        ObjectNode components = merged.withObject("/components");
        ArrayNode unavailable = json.createArrayNode();
        for (Map.Entry<Upstream, CompletableFuture<JsonNode>> entry : fetched.entrySet()) {
            JsonNode document = entry.getValue().join();
            if (document == null || !document.isObject()) {
                unavailable.add(entry.getKey().service());
                continue;
            }
            add(entry.getKey(), (ObjectNode) document, merged, paths, components);
        }
        // One scheme for the whole API: the services' own (each a name for the same bearer token) go.
        components.putObject("securitySchemes").set("bearer", json.createObjectNode()
                .put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT")
                .put("description", "The access token of POST /api/auth/login or /api/auth/refresh"));
        // Optional for the whole API: the empty requirement lets reads go without a token.
        tooManyRequests(paths);
        withoutUnusedSchemas(merged);
        ArrayNode security = merged.putArray("security");
        security.addObject();
        security.addObject().putArray("bearer");
        withoutToken(paths);
        merged.set("x-unavailable-services", unavailable);
        return merged;
    }

    /** Operations that take credentials in the body: a generated client must not send its (maybe expired) token along. */
    private static final Set<String> WITHOUT_TOKEN = Set.of("login", "refreshAccessToken", "logout");

    private void withoutToken(ObjectNode paths) {
        paths.forEach(path -> path.forEach(operation -> {
            if (operation.isObject() && WITHOUT_TOKEN.contains(operation.path("operationId").asText())) {
                ((ObjectNode) operation).putArray("security");
            }
        }));
    }

    private void add(Upstream upstream, ObjectNode document, ObjectNode merged, ObjectNode paths, ObjectNode components) {
        JsonNode theirs = document.path("components");
        Map<String, String> renamed = new HashMap<>();
        String prefix = prefix(upstream);
        // First pass: decide each clashing component's new name, so references can be rewritten before copying.
        for (Iterator<Map.Entry<String, JsonNode>> sections = theirs.fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            ObjectNode ours = components.withObject("/" + section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                JsonNode existing = ours.get(item.getKey());
                if (existing != null && !existing.equals(item.getValue())) {
                    renamed.put(REF_PREFIX + section.getKey() + "/" + item.getKey(),
                            REF_PREFIX + section.getKey() + "/" + prefix + item.getKey());
                }
            }
        }
        JsonNode rewritten = rewriteRefs(document, renamed);
        for (Iterator<Map.Entry<String, JsonNode>> sections = rewritten.path("components").fields(); sections.hasNext(); ) {
            Map.Entry<String, JsonNode> section = sections.next();
            ObjectNode ours = components.withObject("/" + section.getKey());
            for (Iterator<Map.Entry<String, JsonNode>> items = section.getValue().fields(); items.hasNext(); ) {
                Map.Entry<String, JsonNode> item = items.next();
                String ref = REF_PREFIX + section.getKey() + "/" + item.getKey();
                String name = renamed.containsKey(ref) ? prefix + item.getKey() : item.getKey();
                ours.set(name, item.getValue());
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> entries = rewritten.path("paths").fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = entries.next();
            // Only what the gateway actually sends to this service is reachable through it.
            boolean routedHere = RouteTable.route(entry.getKey().replaceAll("\\{[^}]+}", "x"))
                    .filter(rule -> rule.upstream() == upstream).isPresent();
            if (routedHere && !paths.has(entry.getKey())) {
                paths.set(entry.getKey(), entry.getValue());
            }
        }
        ArrayNode tags = merged.withArray("/tags");
        List<String> known = new ArrayList<>();
        tags.forEach(t -> known.add(t.path("name").asText()));
        for (JsonNode tag : rewritten.path("tags")) {
            if (!known.contains(tag.path("name").asText())) {
                tags.add(tag);
                known.add(tag.path("name").asText());
            }
        }
    }

    /**
     * Drops the schemas no operation reaches (a service describes some that only its routes the
     * gateway does not expose use), so a generated client has no dead types.
     */
    private static void withoutUnusedSchemas(ObjectNode merged) {
        ObjectNode schemas = merged.withObject("/components").withObject("/schemas");
        java.util.Set<String> reached = new java.util.HashSet<>();
        java.util.Deque<JsonNode> pending = new java.util.ArrayDeque<>();
        pending.add(merged.path("paths"));
        while (!pending.isEmpty()) {
            JsonNode node = pending.pop();
            if (node.isObject()) {
                JsonNode ref = node.get("$ref");
                String prefix = REF_PREFIX + "schemas/";
                if (ref != null && ref.isTextual() && ref.asText().startsWith(prefix)) {
                    String name = ref.asText().substring(prefix.length());
                    if (reached.add(name) && schemas.has(name)) {
                        pending.add(schemas.get(name));
                    }
                }
                node.forEach(pending::add);
            } else if (node.isArray()) {
                node.forEach(pending::add);
            }
        }
        schemas.retain(reached);
    }

    /** The gateway's limits apply to every operation behind it. */
    private void tooManyRequests(ObjectNode paths) {
        paths.forEach(item -> item.forEach(operation -> {
            if (operation.isObject() && operation.has("responses") && !operation.path("responses").has("429")) {
                ObjectNode response = ((ObjectNode) operation.get("responses")).putObject("429")
                        .put("description", "too many requests from this account or address; Retry-After says when to try again");
                response.putObject("headers").putObject("Retry-After").put("description", "seconds to wait")
                        .putObject("schema").put("type", "integer");
                response.putObject("content").putObject("application/problem+json").putObject("schema")
                        .put("$ref", REF_PREFIX + "schemas/Problem");
            }
        }));
    }

    private JsonNode rewriteRefs(JsonNode node, Map<String, String> renamed) {
        if (renamed.isEmpty()) {
            return node;
        }
        if (node.isObject()) {
            ObjectNode copy = json.createObjectNode();
            node.fields().forEachRemaining(e -> {
                if ("$ref".equals(e.getKey()) && e.getValue().isTextual() && renamed.containsKey(e.getValue().asText())) {
                    copy.set("$ref", TextNode.valueOf(renamed.get(e.getValue().asText())));
                } else {
                    copy.set(e.getKey(), rewriteRefs(e.getValue(), renamed));
                }
            });
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = json.createArrayNode();
            node.forEach(item -> copy.add(rewriteRefs(item, renamed)));
            return copy;
        }
        return node;
    }

    /** The service's document at each of its instances, in configuration order. */
    private List<URI> serviceDocuments(Upstream upstream) {
        List<URI> bases = switch (upstream) {
            case ACHIEVEMENT -> config.upstream().achievement();
            case DEMAND -> config.upstream().demand();
            case MATCHING -> config.upstream().matching();
        };
        return bases.stream().map(base -> URI.create(base.toString().replaceAll("/+$", "") + "/q/openapi?format=json"))
                .toList();
    }

    /** The first instance's document, else the next one's: one instance down must not leave its paths out. */
    private CompletableFuture<JsonNode> fetchFromAny(List<URI> documents, int from) {
        if (from >= documents.size()) {
            return CompletableFuture.completedFuture(null);
        }
        return fetch(documents.get(from)).thenCompose(document -> document != null
                ? CompletableFuture.completedFuture(document) : fetchFromAny(documents, from + 1));
    }

    /** "achievement-service" → "AchievementService_". */
    private static String prefix(Upstream upstream) {
        StringBuilder prefix = new StringBuilder();
        for (String part : upstream.service().split("-")) {
            prefix.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return prefix.append('_').toString();
    }

    /** The document, or null when its server cannot be reached in time or answers with an error. */
    private CompletableFuture<JsonNode> fetch(URI uri) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Accept", "application/json").GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(response -> {
                    if (response.statusCode() != 200) {
                        LOG.warnf("OpenAPI document %s answered %d", uri, response.statusCode());
                        return (JsonNode) null;
                    }
                    try {
                        return json.readTree(response.body());
                    } catch (java.io.IOException e) {
                        LOG.warnf("OpenAPI document %s is not JSON: %s", uri, e.getMessage());
                        return null;
                    }
                })
                .exceptionally(e -> {
                    LOG.warnf("OpenAPI document %s is unavailable: %s", uri, e.toString());
                    return null;
                });
    }
}
