package io.techbridge.matching.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.techbridge.matching.persistence.WebhookDeliveryRepository;
import io.techbridge.matching.persistence.WebhookSubscription;
import io.techbridge.matching.persistence.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Clock;
import java.time.Instant;

/**
 * Turns the events organisations hear of ({@link EventAudience}) into webhook deliveries: one per
 * subscription of those organisations to the event, made before it happened. Each event becomes a
 * subscription's delivery once, however often it is consumed.
 */
@ApplicationScoped
public class WebhookFanout implements EventAudience.Listener {

    /** Fired after deliveries were added, so that the senders start at once. */
    public record Added() {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final ObjectMapper mapper;
    private final Event<Added> added;
    private final Clock clock;

    public WebhookFanout(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            ObjectMapper mapper, Event<Added> added) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.mapper = mapper;
        this.added = added;
        this.clock = Clock.systemUTC();
    }

    /** One delivery per subscription of these organisations to this event made before it happened. */
    @Override
    public void heard(EventAudience.Heard event) {
        Instant now = clock.instant();
        boolean any = false;
        for (WebhookSubscription subscription : subscriptions.subscribedTo(event.organisations(), event.type().wireName())) {
            if (event.occurredAt().isBefore(subscription.createdAt)) {
                continue;
            }
            String body = body(event.eventId(), event.type(), event.occurredAt(), subscription.organisationId, event.data());
            any |= deliveries.addOnce(subscription.id, event.eventId(), event.type().wireName(), body, now);
        }
        if (any) {
            added.fire(new Added());
        }
    }

    ObjectNode emptyData() {
        return mapper.createObjectNode();
    }

    String body(String eventId, WebhookEventType type, Instant occurredAt, String organisationId, ObjectNode data) {
        ObjectNode body = mapper.createObjectNode()
                .put("id", eventId)
                .put("type", type.wireName())
                .put("occurredAt", occurredAt.toString())
                .put("organisationId", organisationId);
        body.set("data", data);
        return body.toString();
    }
}
