package io.techbridge.matching.notification;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.techbridge.commons.work.WorkerLoop;
import io.techbridge.commons.work.WorkerLoops;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends the notification e-mails through the SMTP server of {@code quarkus.mailer.*}, one at a time per
 * thread, as the webhook sender does: an e-mail is claimed for a lease and committed before it is
 * handed to the server, so no database connection waits on it, and one whose sender died is sent again
 * after the lease. A refusal or an unreachable server is tried again after a doubling wait, up to the
 * configured attempts; then the e-mail is FAILED. Runs only when {@code techbridge.notifications.mail.enabled}.
 */
@ApplicationScoped
public class NotificationMailer {

    private static final Logger LOG = Logger.getLogger(NotificationMailer.class);
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final NotificationStore store;
    private final NotificationConfig config;
    private final Mailer mailer;
    private final WorkerLoops workers;
    private final Counter sent;
    private final Counter failedAttempts;
    private final AtomicLong backlog = new AtomicLong();

    public NotificationMailer(NotificationStore store, NotificationConfig config, Mailer mailer, MeterRegistry registry) {
        this.store = store;
        this.config = config;
        this.mailer = mailer;
        this.sent = Counter.builder("techbridge.notifications.emails.sent").description("E-mails the mail server took")
                .register(registry);
        this.failedAttempts = Counter.builder("techbridge.notifications.emails.failed.attempts")
                .description("Attempts to hand an e-mail to the mail server that failed").register(registry);
        Gauge.builder("techbridge.notifications.emails.pending", backlog, AtomicLong::get)
                .description("E-mails waiting to be sent or tried again").register(registry);
        this.workers = new WorkerLoops("notification-mailer", config.mail().senders(), Duration.ofSeconds(1), this::round, LOG);
    }

    void start(@Observes StartupEvent event) {
        if (config.mail().enabled()) {
            workers.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        if (config.mail().enabled()) {
            workers.stop();
        }
    }

    void onAdded(@Observes(during = TransactionPhase.AFTER_SUCCESS) NotificationInbox.EmailsAdded event) {
        workers.wake();
    }

    private WorkerLoop.Outcome round() {
        Instant now = Instant.now();
        Optional<NotificationStore.Email> claimed = QuarkusTransaction.requiringNew()
                .call(() -> store.claimDue(now, now.plus(LEASE)));
        if (claimed.isEmpty()) {
            backlog.set(QuarkusTransaction.requiringNew().call(store::countPendingEmails));
            return WorkerLoop.Outcome.IDLE;
        }
        NotificationStore.Email email = claimed.get();
        String error = send(email);
        QuarkusTransaction.requiringNew().run(() -> {
            if (error == null) {
                store.sent(email.id(), Instant.now());
                return;
            }
            int attempts = email.attempts() + 1;
            Instant next = attempts >= config.mail().maxAttempts() ? null : Instant.now().plus(delay(attempts));
            store.failed(email.id(), truncate(error, 500), next);
        });
        return WorkerLoop.Outcome.MORE;
    }

    /** Null when the server took it, else why not. */
    private String send(NotificationStore.Email email) {
        try {
            mailer.send(Mail.withText(email.address(), email.subject(), email.body()));
            sent.increment();
            return null;
        } catch (RuntimeException e) {
            failedAttempts.increment();
            LOG.warnf("e-mail %s to the mail server failed: %s", email.id(), e.toString());
            Throwable cause = e;
            while (cause.getCause() != null && cause.getMessage() == null) {
                cause = cause.getCause();
            }
            return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        }
    }

    /** The wait after the n-th failed attempt: initial × 2^(n−1), at most the maximum, ±10 % so retries spread. */
    Duration delay(int failedAttempts) {
        long initial = config.mail().initialDelay().toMillis();
        long millis = failedAttempts >= 30 ? Long.MAX_VALUE : initial << (failedAttempts - 1);
        millis = Math.min(millis < 0 ? Long.MAX_VALUE : millis, config.mail().maxDelay().toMillis());
        double jitter = 0.9 + 0.2 * ThreadLocalRandom.current().nextDouble();
        return Duration.ofMillis((long) (millis * jitter));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
