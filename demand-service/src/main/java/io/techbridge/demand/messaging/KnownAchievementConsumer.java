package io.techbridge.demand.messaging;

import io.techbridge.events.AchievementPayload;
import io.techbridge.events.EventEnvelope;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.commons.messaging.DeadLetters;
import io.techbridge.commons.messaging.UntilStored;
import io.techbridge.demand.persistence.KnownAchievements;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Learns from achievement-events whose each achievement is and whether it is published
 * ({@link KnownAchievements}), so that a challenge application cites only its own organisation's
 * published achievements. Only the envelope's aggregate id and version and the payload's
 * {@code organisationId} and {@code status} are read. An unreadable message goes to
 * achievement-events.dlq and the stream goes on; a readable one is retried until the database takes it.
 */
@ApplicationScoped
public class KnownAchievementConsumer {

    private static final Pattern ORGANISATION_ID = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    private static final Pattern STATUS = Pattern.compile("^[A-Z_]{1,20}$");

    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;
    private final KnownAchievements achievements;

    public KnownAchievementConsumer(ObjectMapper mapper, DeadLetters deadLetters, KnownAchievements achievements) {
        this.mapper = mapper;
        this.deadLetters = deadLetters;
        this.achievements = achievements;
    }

    /** One version of an achievement, as far as the demand library needs it. */
    record Known(UUID id, long version, String organisationId, String status) {
    }

    /** A message that can never be applied, however often it is retried. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String reason) {
            super(reason);
        }
    }

    @Incoming("achievement-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        Known known;
        try {
            known = parse(mapper, record.value());
        } catch (Unreadable e) {
            deadLetters.send(record, e.getMessage());
            return;
        }
        UntilStored.apply(() -> achievements.record(known.id(), known.organisationId(), known.status(), known.version()),
                () -> "achievement " + known.id() + " version " + known.version());
    }

    static Known parse(ObjectMapper mapper, String value) {
        if (value == null || value.isBlank()) {
            throw new Unreadable("empty message");
        }
        JsonNode envelope;
        try {
            envelope = mapper.readTree(value);
        } catch (Exception e) {
            throw new Unreadable("not JSON: " + e.getMessage());
        }
        if (envelope == null || !envelope.isObject()) {
            throw new Unreadable("not an event envelope");
        }
        JsonNode schema = envelope.path("schemaVersion");
        if (!schema.canConvertToInt() || !EventEnvelope.readable(schema.asInt())) {
            throw new Unreadable(schema.canConvertToInt() ? EventEnvelope.unreadableReason(schema.asInt())
                    : "schemaVersion missing");
        }
        if (!AchievementPayload.AGGREGATE_TYPE.equals(envelope.path("aggregateType").asText(null))) {
            throw new Unreadable("aggregateType is '" + envelope.path("aggregateType").asText("") + "', not '"
                    + AchievementPayload.AGGREGATE_TYPE + "'");
        }
        UUID id;
        try {
            id = UUID.fromString(envelope.path("aggregateId").asText(""));
        } catch (IllegalArgumentException e) {
            throw new Unreadable("aggregateId is not a UUID: " + envelope.path("aggregateId").asText(""));
        }
        JsonNode version = envelope.path("aggregateVersion");
        if (!version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 1) {
            throw new Unreadable("aggregateVersion is not a positive whole number");
        }
        JsonNode payload = envelope.path("payload");
        if (!payload.isObject()) {
            throw new Unreadable("payload is missing or not an object");
        }
        String organisation = payload.path("organisationId").asText("");
        if (!payload.path("organisationId").isTextual() || !ORGANISATION_ID.matcher(organisation).matches()) {
            throw new Unreadable("payload.organisationId is missing or not an organisation id");
        }
        String status = payload.path("status").asText("");
        if (!payload.path("status").isTextual() || !STATUS.matcher(status).matches()) {
            throw new Unreadable("payload.status is missing or not a status");
        }
        return new Known(id, version.asLong(), organisation, status);
    }

}
