package io.techbridge.deploy.smoke.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The schemas of one OpenAPI document: resolves references, makes a request body that the schema
 * allows (the baseline every mutation starts from), and lists the places in a body a mutation can hit.
 */
public final class Schemas {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One place in a body: the container, the member name or index there, and the schema of its value. */
    record Slot(JsonNode container, String field, int index, JsonNode schema, String path) {

        void set(JsonNode value) {
            if (container instanceof ObjectNode object) {
                object.set(field, value);
            } else if (container instanceof ArrayNode array) {
                array.set(index, value);
            }
        }

        void remove() {
            if (container instanceof ObjectNode object) {
                object.remove(field);
            } else if (container instanceof ArrayNode array) {
                array.remove(index);
            }
        }
    }

    private final JsonNode document;

    Schemas(JsonNode document) {
        this.document = document;
    }

    JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema == null ? MissingNode.getInstance() : schema;
        for (int i = 0; i < 20 && resolved.has("$ref"); i++) {
            resolved = document.at(resolved.get("$ref").asText().replaceFirst("^#", ""));
        }
        if (resolved.has("allOf") && resolved.get("allOf").size() == 1) {
            return resolve(resolved.get("allOf").get(0));
        }
        return resolved;
    }

    /** What the schema says a value is: object, array, string, integer, number, boolean, or "" when it does not say. */
    String type(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        if (resolved.has("type")) {
            return resolved.get("type").asText();
        }
        if (resolved.has("properties")) {
            return "object";
        }
        if (resolved.has("enum")) {
            return "string";
        }
        return "";
    }

    List<String> enumValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        resolve(schema).path("enum").forEach(v -> values.add(v.asText()));
        return values;
    }

    /**
     * A value the schema allows. {@code known} may answer for a member by its name (a field code,
     * an id of an existing record); otherwise the schema's limits decide.
     */
    JsonNode baseline(JsonNode schema, String name, BiFunction<String, JsonNode, JsonNode> known, int depth) {
        JsonNode resolved = resolve(schema);
        JsonNode fromName = name == null ? null : known.apply(name, resolved);
        if (fromName != null) {
            return fromName;
        }
        List<String> enums = enumValues(resolved);
        if (!enums.isEmpty()) {
            return NODES.textNode(enums.get(0));
        }
        switch (type(resolved)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth > 6) {
                    return object;
                }
                for (Iterator<Map.Entry<String, JsonNode>> it = resolved.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), baseline(property.getValue(), property.getKey(), known, depth + 1));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                int items = Math.max(1, resolved.path("minItems").asInt(1));
                for (int i = 0; i < items && depth <= 6; i++) {
                    array.add(baseline(resolved.path("items"), name == null ? null : name + "[]", known, depth + 1));
                }
                return array;
            }
            case "integer" -> {
                long minimum = resolved.has("minimum") ? resolved.get("minimum").asLong() : 1;
                return NODES.numberNode(Math.max(minimum, 1));
            }
            case "number" -> {
                return NODES.numberNode(resolved.has("minimum") ? resolved.get("minimum").asDouble() : 0.5);
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                String format = resolved.path("format").asText();
                return switch (format) {
                    case "date" -> NODES.textNode(java.time.LocalDate.now().plusDays(90).toString());
                    case "date-time" -> NODES.textNode(java.time.Instant.now().toString());
                    case "uuid" -> NODES.textNode(java.util.UUID.nameUUIDFromBytes(String.valueOf(name).getBytes()).toString());
                    default -> NODES.textNode("fuzz 测试");
                };
            }
        }
    }

    /** Every member and array element of a body, with its schema, depth first. */
    List<Slot> slots(JsonNode body, JsonNode schema) {
        List<Slot> slots = new ArrayList<>();
        collect(body, resolve(schema), "", slots, 0);
        return slots;
    }

    private void collect(JsonNode value, JsonNode schema, String path, List<Slot> slots, int depth) {
        if (depth > 8) {
            return;
        }
        if (value instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode propertySchema = resolve(schema.path("properties").path(name));
                String childPath = path.isEmpty() ? name : path + "." + name;
                slots.add(new Slot(object, name, -1, propertySchema, childPath));
                collect(object.get(name), propertySchema, childPath, slots, depth + 1);
            }
        } else if (value instanceof ArrayNode array) {
            JsonNode itemSchema = resolve(schema.path("items"));
            for (int i = 0; i < array.size(); i++) {
                String childPath = path + "[" + i + "]";
                slots.add(new Slot(array, null, i, itemSchema, childPath));
                collect(array.get(i), itemSchema, childPath, slots, depth + 1);
            }
        }
    }
}
