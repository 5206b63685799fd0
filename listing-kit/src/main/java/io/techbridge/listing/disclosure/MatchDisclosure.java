package io.techbridge.listing.disclosure;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.events.EventEnvelope;
import io.techbridge.events.MatchPayload;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * What a match-events envelope says about disclosure: the pair's demand and achievement, their
 * organisations, and whether the enterprise accepted the introduction ({@code disclosed}; absent
 * in events older than the flag, which counts as not disclosed).
 */
public record MatchDisclosure(UUID demandId, UUID achievementId, String demandOrganisationId,
        String achievementOrganisationId, boolean disclosed) {

    private static final Pattern ORGANISATION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");

    /** A message that can never be applied, however often it is retried. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason);
        }
    }

    public static MatchDisclosure parse(ObjectMapper mapper, String value) {
        if (value == null || value.isBlank()) {
            throw new Unreadable("empty message");
        }
        EventEnvelope envelope;
        try {
            // Members added to the envelope later must not make it unreadable.
            envelope = mapper.readerFor(EventEnvelope.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(value);
        } catch (Exception e) {
            throw new Unreadable("not an event envelope: " + e.getMessage());
        }
        if (!EventEnvelope.readable(envelope.schemaVersion())) {
            throw new Unreadable(EventEnvelope.unreadableReason(envelope.schemaVersion()));
        }
        if (!MatchPayload.AGGREGATE_TYPE.equals(envelope.aggregateType())) {
            throw new Unreadable("aggregateType is '" + envelope.aggregateType() + "', not '" + MatchPayload.AGGREGATE_TYPE + "'");
        }
        JsonNode payload = envelope.payload();
        if (payload == null || !payload.isObject()) {
            throw new Unreadable("payload is missing or not an object");
        }
        JsonNode flag = payload.path("disclosed");
        if (!flag.isMissingNode() && !flag.isNull() && !flag.isBoolean()) {
            throw new Unreadable("payload.disclosed is not a boolean");
        }
        boolean disclosed = flag.asBoolean(false);
        return new MatchDisclosure(uuid(payload, "demandId"), uuid(payload, "achievementId"),
                organisation(payload, "demandOrganisationId", disclosed),
                organisation(payload, "achievementOrganisationId", disclosed), disclosed);
    }

    private static UUID uuid(JsonNode payload, String member) {
        JsonNode node = payload.path(member);
        if (!node.isTextual()) {
            throw new Unreadable("payload." + member + " is missing");
        }
        try {
            return UUID.fromString(node.asText());
        } catch (IllegalArgumentException e) {
            throw new Unreadable("payload." + member + " is not a UUID: " + node.asText());
        }
    }

    /** Required when something is disclosed: that is who it is disclosed to. */
    private static String organisation(JsonNode payload, String member, boolean required) {
        JsonNode node = payload.path(member);
        if (!node.isTextual()) {
            if (required) {
                throw new Unreadable("payload." + member + " is missing");
            }
            return null;
        }
        if (!ORGANISATION_ID.matcher(node.asText()).matches()) {
            throw new Unreadable("payload." + member + " is not an organisation id: " + node.asText());
        }
        return node.asText();
    }
}
