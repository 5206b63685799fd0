package io.techbridge.deploy.smoke.fuzz;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** One operation of an OpenAPI document: method, path template, parameters and request body. */
public record Operation(String method, String path, List<Parameter> parameters, List<String> bodyTypes,
        JsonNode bodySchema, String text, Set<String> responses) {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    /** A path or query parameter. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /** {@code POST /api/achievements/{id}/publish}. */
    public String key() {
        return method + " " + path;
    }

    /**
     * The roles (university, enterprise, broker, admin) the operation's summary or description names
     * as the ones allowed, or that its path implies ({@code /api/admin/…}).
     */
    public Set<String> namedRoles() {
        Set<String> roles = new java.util.TreeSet<>();
        if (text.contains("universit")) roles.add("university");
        if (text.contains("enterprise")) roles.add("enterprise");
        if (text.contains("broker")) roles.add("broker");
        if (text.contains("admin") || path.startsWith("/api/admin/")) roles.add("admin");
        return roles;
    }

    public boolean isWrite() {
        return !method.equals("GET");
    }

    public boolean hasJsonBody() {
        return bodyTypes.stream().anyMatch(t -> t.contains("json"));
    }

    public boolean hasBody() {
        return !bodyTypes.isEmpty();
    }

    public List<Parameter> in(String where) {
        return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    /** Every operation of a document, in the document's order. */
    public static List<Operation> all(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!METHODS.contains(method.getKey())) {
                    continue;
                }
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode parameter : path.getValue().path("parameters")) {
                    parameters.add(parameter(parameter));
                }
                for (JsonNode parameter : operation.path("parameters")) {
                    parameters.add(parameter(parameter));
                }
                List<String> bodyTypes = new ArrayList<>();
                JsonNode bodySchema = null;
                for (Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
                        content.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = content.next();
                    bodyTypes.add(type.getKey());
                    if (type.getKey().contains("json")) {
                        bodySchema = type.getValue().path("schema");
                    }
                }
                String text = (operation.path("summary").asText() + " " + operation.path("description").asText())
                        .toLowerCase(Locale.ROOT);
                Set<String> responses = new java.util.TreeSet<>();
                operation.path("responses").fieldNames().forEachRemaining(responses::add);
                operations.add(new Operation(method.getKey().toUpperCase(Locale.ROOT), path.getKey(),
                        List.copyOf(parameters), List.copyOf(bodyTypes), bodySchema, text, Set.copyOf(responses)));
            }
        }
        return operations;
    }

    private static Parameter parameter(JsonNode node) {
        String in = node.path("in").asText();
        return new Parameter(node.path("name").asText(), in, node.path("required").asBoolean(in.equals("path")),
                node.path("schema"));
    }
}
