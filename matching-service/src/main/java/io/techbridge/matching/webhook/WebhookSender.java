package io.techbridge.matching.webhook;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.commons.work.WorkerLoops;
import io.techbridge.matching.config.WebhookConfig;
import io.techbridge.matching.persistence.WebhookDelivery;
import io.techbridge.matching.persistence.WebhookDeliveryRepository;
import io.techbridge.matching.persistence.WebhookSubscription;
import io.techbridge.matching.persistence.WebhookSubscriptionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends due deliveries, one at a time per thread: a delivery is claimed for a lease and committed
 * before the request, so no database connection waits on a receiver, and one whose sender died is
 * sent again when the lease runs out (receivers deduplicate by the event id). A 2xx answer delivers
 * it; anything else is tried again after a doubling wait, up to the configured attempts. A
 * subscription whose attempts keep failing is paused: its deliveries wait until its owner resumes it.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final String USER_AGENT = "TechBridge-Webhooks/1";

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSubscriptionRepository subscriptions;
    private final WebhookTargets targets;
    private final WebhookConfig config;
    private final HttpClient http;
    private final WorkerLoops workers;
    private final Counter delivered;
    private final Counter failedAttempts;
    private final Counter paused;
    private final AtomicLong backlog = new AtomicLong();

    public WebhookSender(WebhookDeliveryRepository deliveries, WebhookSubscriptionRepository subscriptions,
            WebhookTargets targets, WebhookConfig config, MeterRegistry registry) {
        this.deliveries = deliveries;
        this.subscriptions = subscriptions;
        this.targets = targets;
        this.config = config;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.delivered = Counter.builder("techbridge.webhooks.delivered").description("Deliveries a receiver took (2xx)")
                .register(registry);
        this.failedAttempts = Counter.builder("techbridge.webhooks.failed.attempts")
                .description("Attempts a receiver did not answer with 2xx").register(registry);
        this.paused = Counter.builder("techbridge.webhooks.paused")
                .description("Subscriptions paused after failing too often").register(registry);
        Gauge.builder("techbridge.webhooks.pending", backlog, AtomicLong::get)
                .description("Deliveries waiting to be sent or tried again").register(registry);
        this.workers = new WorkerLoops("webhook-sender", config.senders(), Duration.ofSeconds(1), this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        workers.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        workers.stop();
    }

    void onAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) WebhookFanout.Added event) {
        workers.wake();
    }

    private WorkerLoop.Outcome round() {
        Instant now = Instant.now();
        Instant leaseUntil = now.plus(config.timeout().multipliedBy(2)).plusSeconds(30);
        List<UUID> claimed = QuarkusTransaction.requiringNew().call(() -> deliveries.claimDue(1, now, leaseUntil));
        if (claimed.isEmpty()) {
            backlog.set(QuarkusTransaction.requiringNew().call(deliveries::countPending));
            return WorkerLoop.Outcome.IDLE;
        }
        send(claimed.getFirst());
        return WorkerLoop.Outcome.MORE;
    }

    private record Attempt(String url, String secret, String eventType, String body) {
    }

    private void send(UUID deliveryId) {
        Optional<Attempt> attempt = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery delivery = deliveries.findById(deliveryId);
            WebhookSubscription subscription = delivery == null ? null : subscriptions.findById(delivery.subscriptionId);
            return subscription == null ? Optional.<Attempt>empty()
                    : Optional.of(new Attempt(subscription.url, subscription.secret, delivery.eventType, delivery.body));
        });
        if (attempt.isEmpty()) {
            return;
        }
        Result result = post(deliveryId, attempt.get());
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, result));
    }

    /** The receiver's status, or why none came back (a kind the console names, and the detail). */
    private record Result(Integer status, String errorKind, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Result post(UUID deliveryId, Attempt attempt) {
        Optional<String> refusal = targets.refusal(attempt.url());
        if (refusal.isPresent()) {
            return new Result(null, "TARGET_REFUSED", "url " + refusal.get());
        }
        long now = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(attempt.url()))
                .timeout(config.timeout())
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", USER_AGENT)
                .header("TechBridge-Event", attempt.eventType())
                .header("TechBridge-Delivery", deliveryId.toString())
                .header(WebhookSignature.HEADER, WebhookSignature.header(attempt.secret(), now, attempt.body()))
                .POST(HttpRequest.BodyPublishers.ofString(attempt.body()))
                .build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Result(response.statusCode(), null, null);
        } catch (java.net.http.HttpTimeoutException e) {
            return new Result(null, "TIMEOUT", "no answer within " + config.timeout().toSeconds() + " s");
        } catch (java.net.ConnectException e) {
            return new Result(null, "CONNECTION_FAILED", e.getMessage() == null ? "connection refused or unreachable" : e.getMessage());
        } catch (IOException e) {
            return new Result(null, "REQUEST_FAILED", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(null, "INTERRUPTED", "the service was stopping");
        }
    }

    private void record(UUID deliveryId, Result result) {
        WebhookDelivery delivery = deliveries.findById(deliveryId);
        if (delivery == null) {
            return;
        }
        WebhookSubscription subscription = subscriptions.findById(delivery.subscriptionId);
        Instant now = Instant.now();
        delivery.attempts++;
        delivery.lastAttemptAt = now;
        delivery.lastStatus = result.status();
        delivery.lastErrorKind = result.errorKind();
        delivery.lastError = result.error() == null ? null : truncate(result.error(), 500);
        if (result.delivered()) {
            delivery.status = WebhookDelivery.DELIVERED;
            delivery.deliveredAt = now;
            delivered.increment();
            if (subscription != null) {
                subscription.consecutiveFailures = 0;
            }
            return;
        }
        failedAttempts.increment();
        if (delivery.attempts >= config.maxAttempts()) {
            delivery.status = WebhookDelivery.FAILED;
        } else {
            delivery.nextAttemptAt = now.plus(delay(delivery.attempts));
        }
        if (subscription != null) {
            subscription.consecutiveFailures++;
            if (!subscription.isPaused() && subscription.consecutiveFailures >= config.pauseAfterFailures()) {
                subscription.status = WebhookSubscription.PAUSED;
                subscription.pausedAt = now;
                subscription.updatedAt = now;
                subscription.pausedCause = WebhookSubscription.FAILURES;
                subscription.pausedReason = truncate(subscription.consecutiveFailures + " attempts in a row failed; the last: "
                        + (result.status() != null ? "HTTP " + result.status() : result.errorKind() + ", " + result.error()), 500);
                paused.increment();
                LOG.warnf("webhook subscription %s of %s paused: %s", subscription.id, subscription.organisationId,
                        subscription.pausedReason);
            }
        }
    }

    /** The wait after the n-th failed attempt: initial × 2^(n−1), at most the maximum, ±10 % so retries spread. */
    Duration delay(int failedAttempts) {
        long initial = config.initialDelay().toMillis();
        long millis = failedAttempts >= 30 ? Long.MAX_VALUE : initial << (failedAttempts - 1);
        millis = Math.min(millis < 0 ? Long.MAX_VALUE : millis, config.maxDelay().toMillis());
        double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (millis * jitter));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
