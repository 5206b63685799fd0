package io.techbridge.matching.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import java.time.Instant;
import java.util.Optional;

/**
 * Writes a notification and, in the same transaction, an e-mail row for each user who chose e-mail for
 * its type: a mail server or a service that dies afterwards loses no mail, the sender
 * ({@link NotificationMailer}) takes it up. The same event written twice is one notification.
 */
@ApplicationScoped
public class NotificationInbox {

    /** Fired after e-mails were written, so that the sender starts at once. */
    public record EmailsAdded() {
    }

    private final NotificationStore store;
    private final NotificationConfig config;
    private final Event<EmailsAdded> emailsAdded;

    public NotificationInbox(NotificationStore store, NotificationConfig config, Event<EmailsAdded> emailsAdded) {
        this.store = store;
        this.config = config;
        this.emailsAdded = emailsAdded;
    }

    /**
     * A notification of the organisation (all its users when {@code userId} is null, else that user's
     * alone); its id, or empty when this event was already written for the organisation.
     */
    public Optional<Long> add(String organisationId, String userId, NotificationType type, String eventId,
            Instant occurredAt, ObjectNode data) {
        Instant now = Instant.now();
        Optional<Long> id = store.add(organisationId, userId, type.wireName(), eventId, occurredAt, data.toString(), now);
        if (id.isEmpty() || !config.mail().enabled()) {
            return id;
        }
        NotificationMails.Mail mail = NotificationMails.of(type, data, config.mail().consoleUrl());
        boolean any = false;
        for (NotificationStore.Preferences recipient : store.mailRecipients(organisationId, userId, type.wireName())) {
            any |= store.addEmail(id.get(), recipient.userId(), recipient.address(), mail.subject(), mail.body(), now);
        }
        if (any) {
            emailsAdded.fire(new EmailsAdded());
        }
        return id;
    }
}
