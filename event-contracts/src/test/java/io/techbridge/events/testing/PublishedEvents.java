package io.techbridge.events.testing;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.techbridge.events.EventEnvelope;
import io.techbridge.events.EventPayload;
import io.techbridge.events.EventPayloads;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads an envelope a service published as its consumers do, but strictly: every member of the
 * payload must be one its contract names, so a producer cannot drift from the contract unnoticed,
 * and no member anywhere may hold contact details.
 */
public final class PublishedEvents {

    private static final ObjectMapper STRICT = new ObjectMapper().registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern CONTACT = Pattern.compile("contact|phone|mobile|email|wechat");

    private PublishedEvents() {
    }

    /** The envelope in {@code value}, once it has passed {@link #payloadOf}. */
    public static JsonNode checked(String value) {
        try {
            JsonNode envelope = STRICT.readTree(value);
            payloadOf(envelope);
            return envelope;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("not JSON: " + value, e);
        }
    }

    /** The payload of {@code envelope} as its contract's record; fails on any member the contract lacks or a contact. */
    public static EventPayload payloadOf(JsonNode envelope) {
        List<String> contacts = new ArrayList<>();
        contactMembers(envelope, "", contacts);
        if (!contacts.isEmpty()) {
            throw new AssertionError("an event carries contact details at " + contacts + ": " + envelope);
        }
        try {
            EventEnvelope read = STRICT.treeToValue(envelope, EventEnvelope.class);
            if (read.schemaVersion() != EventEnvelope.SCHEMA_VERSION) {
                throw new AssertionError("written with schema version " + read.schemaVersion());
            }
            EventPayloads.Contract contract = EventPayloads.of(read.aggregateType())
                    .orElseThrow(() -> new AssertionError("no contract for " + read.aggregateType()));
            if (!contract.types().contains(read.type())) {
                throw new AssertionError(read.type() + " is not an event type of " + read.aggregateType());
            }
            return STRICT.treeToValue(read.payload(), contract.payload());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError("the event does not read as its contract: " + e.getOriginalMessage(), e);
        }
    }

    private static void contactMembers(JsonNode node, String path, List<String> found) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> member = it.next();
                if (CONTACT.matcher(member.getKey().toLowerCase(Locale.ROOT)).find()) {
                    found.add(path + "." + member.getKey());
                }
                contactMembers(member.getValue(), path + "." + member.getKey(), found);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                contactMembers(element, path + "[]", found);
            }
        }
    }
}
