package io.techbridge.deploy.local.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What an OpenAPI document of TechBridge must say for a generated client to work: an operationId
 * on every operation, unique; a success answer with its content (none only for 204 and 304);
 * the problems it can answer as {@code application/problem+json}; one declared tag per resource.
 * Returns each broken rule as a line, so a test shows all of them at once.
 */
public final class ApiDescriptionRules {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

    private ApiDescriptionRules() {
    }

    public static List<String> violations(JsonNode document) {
        List<String> violations = new ArrayList<>();
        Set<String> declaredTags = new HashSet<>();
        Map<String, String> tagsByLowerCase = new HashMap<>();
        for (JsonNode tag : document.path("tags")) {
            String name = tag.path("name").asText();
            declaredTags.add(name);
            String clash = tagsByLowerCase.put(name.toLowerCase(Locale.ROOT), name);
            if (clash != null) {
                violations.add("tags " + clash + " and " + name + " differ only in case");
            }
        }
        Map<String, String> operationIds = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                String name = op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
                check(name, op.getValue(), path.getKey(), declaredTags, operationIds, violations);
            }
        }
        return violations;
    }

    private static void check(String name, JsonNode operation, String path, Set<String> declaredTags,
            Map<String, String> operationIds, List<String> violations) {
        String id = operation.path("operationId").asText("");
        if (id.isBlank()) {
            violations.add(name + ": no operationId");
        } else if (operationIds.put(id, name) != null) {
            violations.add(name + ": operationId " + id + " is also " + operationIds.get(id));
        }
        if (!operation.path("tags").isArray() || operation.path("tags").size() != 1) {
            violations.add(name + ": one tag expected, found " + operation.path("tags"));
        } else if (!declaredTags.contains(operation.path("tags").get(0).asText())) {
            violations.add(name + ": tag " + operation.path("tags").get(0) + " is not declared");
        }
        JsonNode responses = operation.path("responses");
        boolean success = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            String status = response.getKey();
            if (status.startsWith("2") || status.equals("304")) {
                success = true;
                if (!status.equals("204") && !status.equals("304") && !hasSchema(response.getValue())) {
                    violations.add(name + ": " + status + " has no content schema");
                }
            }
            if (status.startsWith("4") || status.startsWith("5")) {
                if (!response.getValue().path("content").has("application/problem+json")) {
                    violations.add(name + ": " + status + " is not described as application/problem+json");
                }
            }
        }
        if (!success) {
            violations.add(name + ": no success answer");
        }
        boolean hasInput = operation.has("requestBody") || operation.path("parameters").size() > 0;
        if (hasInput && !responses.has("400")) {
            violations.add(name + ": takes input but describes no 400");
        }
        if (!responses.has("401")) {
            violations.add(name + ": describes no 401");
        }
        if (path.contains("{") && !responses.has("404")) {
            violations.add(name + ": has an id in its path but describes no 404");
        }
    }

    private static boolean hasSchema(JsonNode response) {
        JsonNode content = response.path("content");
        if (!content.isObject() || content.isEmpty()) {
            return false;
        }
        for (JsonNode media : content) {
            JsonNode schema = media.path("schema");
            if (!schema.isObject() || schema.isEmpty()) {
                return false;
            }
        }
        return true;
    }
}
