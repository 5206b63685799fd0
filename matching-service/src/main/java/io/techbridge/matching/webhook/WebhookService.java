package io.techbridge.matching.webhook;

import io.quarkus.scheduler.Scheduled;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import io.techbridge.matching.config.WebhookConfig;
import io.techbridge.matching.persistence.WebhookDelivery;
import io.techbridge.matching.persistence.WebhookDeliveryRepository;
import io.techbridge.matching.persistence.WebhookSubscription;
import io.techbridge.matching.persistence.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Subscriptions and their delivery logs. A university or enterprise subscribes its own organisation
 * to the events its role may hear of; it and the platform's admins read, pause, resume, test and
 * delete a subscription and replay its deliveries. Another organisation's subscription is 404 to it.
 */
@ApplicationScoped
public class WebhookService {

    /** A new subscription and, this once, its secret. */
    public record Created(WebhookSubscription subscription, String secret) {
    }

    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookTargets targets;
    private final WebhookFanout fanout;
    private final EventAudience audience;
    private final WebhookConfig config;
    private final Caller caller;
    private final Event<WebhookFanout.Added> added;

    public WebhookService(WebhookSubscriptionRepository subscriptions, WebhookDeliveryRepository deliveries,
            WebhookTargets targets, WebhookFanout fanout, EventAudience audience, WebhookConfig config, Caller caller,
            Event<WebhookFanout.Added> added) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.targets = targets;
        this.fanout = fanout;
        this.audience = audience;
        this.config = config;
        this.caller = caller;
        this.added = added;
    }

    @Transactional
    public Created subscribe(String url, List<String> events, String description) {
        Role role = caller.requireRole(Role.UNIVERSITY, Role.ENTERPRISE);
        String organisation = caller.requireOrganisation();
        targets.refusal(url).ifPresent(why -> {
            throw Problems.invalidField("url", "WebhookTarget", why);
        });
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < events.size(); i++) {
            String name = events.get(i);
            Optional<WebhookEventType> type = WebhookEventType.ofWireName(name);
            if (type.isEmpty() || !type.get().subscribableBy(role)) {
                throw Problems.invalidField("events[" + i + "]", "WebhookEvent", "'" + name
                        + "' is not an event a" + (role == Role.ENTERPRISE ? "n enterprise" : " university")
                        + " can subscribe to; one of " + subscribable(role));
            }
            types.add(name);
        }
        if (subscriptions.count(organisation) >= config.maxPerOrganisation()) {
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "limit-reached", "Too many subscriptions",
                    "an organisation holds at most " + config.maxPerOrganisation()
                            + " webhook subscriptions; delete one first"));
        }
        Instant now = Instant.now();
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.id = UUID.randomUUID();
        subscription.organisationId = organisation;
        subscription.url = url;
        subscription.description = description;
        subscription.eventTypes = String.join(",", types);
        subscription.secret = WebhookSignature.newSecret();
        subscription.status = WebhookSubscription.ACTIVE;
        subscription.createdBy = caller.name();
        subscription.createdAt = now;
        subscription.updatedAt = now;
        subscriptions.persist(subscription);
        return new Created(subscription, subscription.secret);
    }

    static List<String> subscribable(Role role) {
        return java.util.Arrays.stream(WebhookEventType.values()).filter(t -> t.subscribableBy(role))
                .map(WebhookEventType::wireName).toList();
    }

    /** The caller's organisation's subscriptions; an admin's are everyone's, or one organisation's. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookSubscription> list(String organisationId, int page, int size) {
        return subscriptions.page(scope(organisationId), page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long count(String organisationId) {
        return subscriptions.count(scope(organisationId));
    }

    private String scope(String organisationId) {
        caller.requireRole(Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN);
        return caller.is(Role.ADMIN) ? organisationId : caller.requireOrganisation();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public WebhookSubscription get(UUID id) {
        return visible(id);
    }

    @Transactional
    public void delete(UUID id) {
        subscriptions.delete(visible(id));
    }

    @Transactional
    public WebhookSubscription pause(UUID id) {
        WebhookSubscription subscription = visible(id);
        if (!subscription.isPaused()) {
            subscription.status = WebhookSubscription.PAUSED;
            subscription.pausedAt = Instant.now();
            subscription.pausedCause = WebhookSubscription.MANUAL;
            subscription.pausedBy = caller.name();
            subscription.pausedReason = "paused by " + caller.name();
            subscription.updatedAt = subscription.pausedAt;
        }
        return subscription;
    }

    /** Active again, with a clean failure count; the deliveries that waited are due at once. */
    @Transactional
    public WebhookSubscription resume(UUID id) {
        WebhookSubscription subscription = visible(id);
        if (subscription.isPaused()) {
            subscription.status = WebhookSubscription.ACTIVE;
            subscription.pausedAt = null;
            subscription.pausedCause = null;
            subscription.pausedBy = null;
            subscription.pausedReason = null;
            subscription.consecutiveFailures = 0;
            subscription.updatedAt = Instant.now();
            deliveries.dueNow(id, Instant.now());
            added.fire(new WebhookFanout.Added());
        }
        return subscription;
    }

    /** A ping delivery, to check the receiver and its signature check. */
    @Transactional
    public WebhookDelivery ping(UUID id) {
        WebhookSubscription subscription = visible(id);
        String eventId = "ping-" + UUID.randomUUID();
        Instant now = Instant.now();
        String body = fanout.body(eventId, WebhookEventType.PING, now, subscription.organisationId,
                fanout.emptyData().put("subscriptionId", id.toString()));
        return newDelivery(subscription, eventId, WebhookEventType.PING.wireName(), body, null, now);
    }

    /** The delivery again, as a new delivery with the same event id and body, due now. */
    @Transactional
    public WebhookDelivery replay(UUID id, UUID deliveryId) {
        WebhookSubscription subscription = visible(id);
        WebhookDelivery original = deliveries.findById(deliveryId);
        if (original == null || !original.subscriptionId.equals(id)) {
            throw Problems.notFound("delivery", deliveryId);
        }
        return newDelivery(subscription, original.eventId, original.eventType, original.body, original.id, Instant.now());
    }

    private WebhookDelivery newDelivery(WebhookSubscription subscription, String eventId, String type, String body,
            UUID replayOf, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.subscriptionId = subscription.id;
        delivery.eventId = eventId;
        delivery.eventType = type;
        delivery.body = body;
        delivery.status = WebhookDelivery.PENDING;
        delivery.nextAttemptAt = now;
        delivery.replayOf = replayOf;
        delivery.createdAt = now;
        deliveries.persist(delivery);
        added.fire(new WebhookFanout.Added());
        return delivery;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<WebhookDelivery> deliveries(UUID id, String status, int page, int size) {
        visible(id);
        return deliveries.log(id, status, page, size);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public long countDeliveries(UUID id, String status) {
        return deliveries.countLog(id, status);
    }

    /** The subscription if the caller's organisation owns it or the caller is an admin; else 404, as if absent. */
    private WebhookSubscription visible(UUID id) {
        caller.requireRole(Role.UNIVERSITY, Role.ENTERPRISE, Role.ADMIN);
        WebhookSubscription subscription = subscriptions.findById(id);
        if (subscription == null || !caller.is(Role.ADMIN) && !caller.actsFor(subscription.organisationId)) {
            throw Problems.notFound("webhook subscription", id);
        }
        return subscription;
    }

    /** Challenges judged from today on are told every few minutes; each once, whichever instance runs it. */
    @Scheduled(every = "${techbridge.webhooks.phase-check:5m}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tellChallengesJudgedToday() {
        audience.moveDueChallengesToJudging();
    }
}
