package io.techbridge.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code kubectl kustomize} makes of deploy/cluster/kubernetes/base or of an overlay, done here without the
 * binary: the base's resources, its ConfigMap and Secret generators (the Secret's keys from the committed
 * {@code techbridge-secrets.example.env} plus the key files) and the overlay's JSON 6902 patches. Anything else in
 * a kustomization fails the check, so the rendering can't silently differ from kustomize's.
 */
final class Manifests {

    static final Path ROOT = Path.of("..", "cluster", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private Manifests() {
    }

    /** "base" or an overlay's name under overlays/. */
    static List<HasMetadata> render(String variant) {
        List<ObjectNode> documents = "base".equals(variant) ? base() : overlay(ROOT.resolve("overlays").resolve(variant));
        return documents.stream().map(document -> (HasMetadata) SERIALIZATION.unmarshal(document.toString())).toList();
    }

    private static List<ObjectNode> base() {
        Path dir = ROOT.resolve("base");
        JsonNode kustomization = readAll(dir.resolve("kustomization.yaml")).getFirst();
        expectOnly(kustomization, "apiVersion", "kind", "resources", "generatorOptions", "configMapGenerator", "secretGenerator");
        List<ObjectNode> documents = new ArrayList<>();
        kustomization.get("resources").forEach(resource -> documents.addAll(readAll(dir.resolve(resource.asText()))));
        for (JsonNode generator : kustomization.get("configMapGenerator")) {
            documents.add(generated("ConfigMap", generator, dir, Map.of()));
        }
        for (JsonNode generator : kustomization.get("secretGenerator")) {
            // The real env file is the operator's; its keys are those of the committed example
            documents.add(generated("Secret", generator, dir, Map.of("techbridge-secrets.env", "techbridge-secrets.example.env")));
        }
        return documents;
    }

    private static List<ObjectNode> overlay(Path dir) {
        JsonNode kustomization = readAll(dir.resolve("kustomization.yaml")).getFirst();
        expectOnly(kustomization, "apiVersion", "kind", "resources", "patches");
        List<ObjectNode> documents = new ArrayList<>();
        for (JsonNode resource : kustomization.get("resources")) {
            if (!dir.resolve(resource.asText()).normalize().equals(ROOT.resolve("base").normalize())) {
                throw new AssertionError(dir + ": resources other than the base are not rendered here: " + resource);
            }
            documents.addAll(base());
        }
        for (JsonNode patch : kustomization.path("patches")) {
            expectOnly(patch, "target", "patch");
            JsonNode target = patch.get("target");
            expectOnly(target, "kind", "name");
            JsonNode operations = parse(patch.get("patch").asText()).getFirst();
            int matched = 0;
            for (ObjectNode document : documents) {
                if (document.path("kind").asText().equals(target.get("kind").asText())
                        && (!target.has("name") || document.path("metadata").path("name").asText().equals(target.get("name").asText()))) {
                    operations.forEach(operation -> apply(document, operation));
                    matched++;
                }
            }
            if (matched == 0) {
                throw new AssertionError(dir + ": a patch matches no resource: " + target);
            }
        }
        return documents;
    }

    /** replace (the path must exist) and add, as RFC 6902 says, on objects and arrays. */
    private static void apply(ObjectNode document, JsonNode operation) {
        String op = operation.get("op").asText();
        String path = operation.get("path").asText();
        JsonNode value = operation.get("value");
        String[] steps = path.substring(1).split("/");
        JsonNode parent = document;
        for (int i = 0; i < steps.length - 1; i++) {
            parent = parent instanceof ArrayNode array ? array.get(Integer.parseInt(steps[i])) : parent.get(unescape(steps[i]));
            if (parent == null) {
                throw new AssertionError("patch path " + path + " does not exist in " + name(document));
            }
        }
        String last = unescape(steps[steps.length - 1]);
        switch (op) {
            case "replace" -> {
                if (parent instanceof ObjectNode object && object.has(last)) {
                    object.set(last, value);
                } else if (parent instanceof ArrayNode array && Integer.parseInt(last) < array.size()) {
                    array.set(Integer.parseInt(last), value);
                } else {
                    throw new AssertionError("patch replaces " + path + ", which " + name(document) + " lacks");
                }
            }
            case "add" -> {
                if (parent instanceof ObjectNode object) {
                    object.set(last, value);
                } else if ("-".equals(last)) {
                    ((ArrayNode) parent).add(value);
                } else {
                    ((ArrayNode) parent).insert(Integer.parseInt(last), value);
                }
            }
            default -> throw new AssertionError("patch operation " + op + " is not rendered here");
        }
    }

    private static ObjectNode generated(String kind, JsonNode generator, Path dir, Map<String, String> substitutes) {
        expectOnly(generator, "name", "envs", "files");
        ObjectNode document = YAML.createObjectNode();
        document.put("apiVersion", "v1").put("kind", kind);
        document.putObject("metadata").put("name", generator.get("name").asText());
        ObjectNode data = document.putObject("data");
        for (JsonNode env : generator.path("envs")) {
            String file = substitutes.getOrDefault(env.asText(), env.asText());
            envFile(dir.resolve(file)).forEach(data::put);
        }
        // Key files are the operator's too: their keys are the file names
        generator.path("files").forEach(file -> data.put(file.asText(), ""));
        return document;
    }

    static Map<String, String> envFile(Path file) {
        Map<String, String> entries = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int equals = line.indexOf('=');
                    entries.put(line.substring(0, equals).strip(), line.substring(equals + 1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return entries;
    }

    private static List<ObjectNode> readAll(Path file) {
        try {
            return parse(Files.readString(file)).stream().map(node -> (ObjectNode) node).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }

    private static List<JsonNode> parse(String yaml) {
        try (YAMLParser parser = (YAMLParser) YAML.getFactory().createParser(yaml)) {
            List<JsonNode> documents = new ArrayList<>();
            YAML.readValues(parser, JsonNode.class).forEachRemaining(node -> {
                if (node != null && !node.isNull() && !node.isMissingNode() && !node.isEmpty()) {
                    documents.add(node);
                }
            });
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void expectOnly(JsonNode node, String... fields) {
        List<String> allowed = List.of(fields);
        node.fieldNames().forEachRemaining(field -> {
            if (!allowed.contains(field)) {
                throw new AssertionError("'" + field + "' is not rendered by this check; render it here or leave it out: " + node);
            }
        });
    }

    private static String unescape(String step) {
        return step.replace("~1", "/").replace("~0", "~");
    }

    private static String name(JsonNode document) {
        return document.path("kind").asText() + "/" + document.path("metadata").path("name").asText();
    }
}
