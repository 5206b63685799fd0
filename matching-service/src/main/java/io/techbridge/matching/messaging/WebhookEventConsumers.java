package io.techbridge.matching.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.commons.messaging.DeadLetters;
import io.techbridge.commons.messaging.UntilStored;
import io.techbridge.events.ChallengeApplicationPayload;
import io.techbridge.events.DemandPayload;
import io.techbridge.events.ImportJobPayload;
import io.techbridge.events.InvitationPayload;
import io.techbridge.events.MatchPayload;
import io.techbridge.matching.webhook.EventAudience;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.function.Consumer;

/**
 * Reads the topics whose events subscribers can hear of, in a consumer group of its own
 * ({@code matching-service-webhooks}), so that webhooks neither slow nor wait for indexing. A message
 * that can't be read goes to its dead-letter topic; one that can is applied until the database takes it.
 */
@ApplicationScoped
public class WebhookEventConsumers {

    private final EventAudience fanout;
    private final DeadLetters deadLetters;
    private final ObjectMapper mapper;

    public WebhookEventConsumers(EventAudience fanout, DeadLetters deadLetters, ObjectMapper mapper) {
        this.fanout = fanout;
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    @Incoming("webhook-match-events")
    @Blocking(ordered = true)
    public void matches(ConsumerRecord<String, String> record) {
        apply(record, MatchPayload.AGGREGATE_TYPE,
                e -> fanout.onMatch(e.eventId(), e.type(), e.occurredAt(), e.payload()));
    }

    @Incoming("webhook-invitation-events")
    @Blocking(ordered = true)
    public void invitations(ConsumerRecord<String, String> record) {
        apply(record, InvitationPayload.AGGREGATE_TYPE,
                e -> fanout.onInvitation(e.eventId(), e.type(), e.occurredAt(), e.payload()));
    }

    @Incoming("webhook-demand-events")
    @Blocking(ordered = true)
    public void demands(ConsumerRecord<String, String> record) {
        apply(record, DemandPayload.AGGREGATE_TYPE,
                e -> fanout.onDemand(e.eventId(), e.version(), e.occurredAt(), e.payload()));
    }

    @Incoming("webhook-challenge-events")
    @Blocking(ordered = true)
    public void applications(ConsumerRecord<String, String> record) {
        apply(record, ChallengeApplicationPayload.AGGREGATE_TYPE, e -> fanout.onApplication(e.type(), e.payload()));
    }

    @Incoming("webhook-import-events")
    @Blocking(ordered = true)
    public void imports(ConsumerRecord<String, String> record) {
        apply(record, ImportJobPayload.AGGREGATE_TYPE, e -> fanout.onImport(e.eventId(), e.type(), e.occurredAt(), e.payload()));
    }

    private void apply(ConsumerRecord<String, String> record, String aggregateType, Consumer<IncomingEvent> action) {
        IncomingEvent event;
        try {
            event = IncomingEvent.parse(mapper, record.value(), aggregateType);
        } catch (PoisonMessageException e) {
            deadLetters.send(record, "webhooks: " + e.getMessage());
            return;
        }
        UntilStored.apply(() -> action.accept(event),
                () -> record.topic() + "[" + record.partition() + "]@" + record.offset() + " for webhooks");
    }
}
