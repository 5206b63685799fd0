package io.techbridge.matching.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The notifications, their readers' watermarks and preferences, and the e-mails to send (plain SQL). */
@ApplicationScoped
@SuppressWarnings({"unchecked", "rawtypes"})
public class NotificationStore {

    /** A stored notification; {@code data} is its JSON text. */
    public record Stored(long id, String organisationId, String userId, String type, String eventId,
            Instant occurredAt, String data) {
    }

    /** A user's choices; the type lists hold wire names. */
    public record Preferences(String userId, String organisationId, List<String> console, List<String> email,
            String address, Instant updatedAt) {
    }

    /** An e-mail row as the sender needs it. */
    public record Email(UUID id, String address, String subject, String body, int attempts) {
    }

    private final EntityManager em;

    public NotificationStore(EntityManager em) {
        this.em = em;
    }

    // ----------------------------------------------------------------- notifications

    /** The new notification's id, or empty when this organisation already has one of this event. */
    public Optional<Long> add(String organisationId, String userId, String type, String eventId, Instant occurredAt,
            String data, Instant now) {
        List<?> ids = em.createNativeQuery("""
                        INSERT INTO notification (organisation_id, user_id, type, event_id, occurred_at, data, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        ON CONFLICT (organisation_id, event_id) DO NOTHING
                        RETURNING id""")
                .unwrap(NativeQuery.class)
                .setParameter(1, organisationId).setParameter(2, userId, String.class).setParameter(3, type).setParameter(4, eventId)
                .setParameter(5, at(occurredAt)).setParameter(6, data).setParameter(7, at(now))
                .getResultList();
        return ids.isEmpty() ? Optional.empty() : Optional.of(((Number) ids.getFirst()).longValue());
    }

    /** What a user of an organisation sees: the organisation's and its own, of the given types, newest first. */
    public List<Stored> list(String organisationId, String userId, Collection<String> types, Long beforeId,
            int offset, int limit) {
        if (types.isEmpty()) {
            return List.of();
        }
        List<?> rows = em.createNativeQuery("""
                        SELECT id, organisation_id, user_id, type, event_id, occurred_at, data FROM notification
                        WHERE organisation_id = :organisation AND (user_id IS NULL OR user_id = :user)
                          AND type IN (:types) AND id < :before
                        ORDER BY id DESC OFFSET :offset LIMIT :limit""")
                .setParameter("organisation", organisationId).setParameter("user", userId)
                .setParameter("types", List.copyOf(types)).setParameter("before", beforeId == null ? Long.MAX_VALUE : beforeId)
                .setParameter("offset", offset).setParameter("limit", limit)
                .getResultList();
        List<Stored> stored = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            stored.add(new Stored(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    instant(r[5]), (String) r[6]));
        }
        return stored;
    }

    /** How many of them there are, after {@code afterId} (0: all). */
    public long count(String organisationId, String userId, Collection<String> types, long afterId) {
        if (types.isEmpty()) {
            return 0;
        }
        return ((Number) em.createNativeQuery("""
                        SELECT count(*) FROM notification
                        WHERE organisation_id = :organisation AND (user_id IS NULL OR user_id = :user)
                          AND type IN (:types) AND id > :after""")
                .setParameter("organisation", organisationId).setParameter("user", userId)
                .setParameter("types", List.copyOf(types)).setParameter("after", afterId)
                .getSingleResult()).longValue();
    }

    /** The newest notification id of the organisation (0 when none). */
    public long newest(String organisationId) {
        return ((Number) em.createNativeQuery("SELECT coalesce(max(id), 0) FROM notification WHERE organisation_id = ?1")
                .setParameter(1, organisationId).getSingleResult()).longValue();
    }

    /** Up to which id the user has read the organisation's notifications (0: none). */
    public long readUpTo(String userId, String organisationId) {
        List<?> rows = em.createNativeQuery(
                        "SELECT read_up_to FROM notification_read WHERE user_id = ?1 AND organisation_id = ?2")
                .setParameter(1, userId).setParameter(2, organisationId).getResultList();
        return rows.isEmpty() ? 0 : ((Number) rows.getFirst()).longValue();
    }

    /** Moves the user's watermark up to {@code upTo}, never back; answers the watermark now. */
    public long markRead(String userId, String organisationId, long upTo) {
        return ((Number) em.createNativeQuery("""
                        INSERT INTO notification_read (user_id, organisation_id, read_up_to) VALUES (?1, ?2, ?3)
                        ON CONFLICT (user_id, organisation_id)
                        DO UPDATE SET read_up_to = greatest(notification_read.read_up_to, excluded.read_up_to)
                        RETURNING read_up_to""")
                .setParameter(1, userId).setParameter(2, organisationId).setParameter(3, upTo)
                .getSingleResult()).longValue();
    }

    // ----------------------------------------------------------------- preferences

    public Optional<Preferences> preferences(String userId) {
        List<?> rows = em.createNativeQuery("""
                        SELECT user_id, organisation_id, console_types, email_types, email, updated_at
                        FROM notification_preference WHERE user_id = ?1""")
                .setParameter(1, userId).getResultList();
        return rows.stream().findFirst().map(row -> preferences((Object[]) row));
    }

    public void save(Preferences preferences) {
        em.createNativeQuery("""
                        INSERT INTO notification_preference (user_id, organisation_id, console_types, email_types, email, updated_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                        ON CONFLICT (user_id) DO UPDATE SET organisation_id = excluded.organisation_id,
                            console_types = excluded.console_types, email_types = excluded.email_types,
                            email = excluded.email, updated_at = excluded.updated_at""")
                .setParameter(1, preferences.userId()).setParameter(2, preferences.organisationId())
                .setParameter(3, String.join(",", preferences.console())).setParameter(4, String.join(",", preferences.email()))
                .unwrap(NativeQuery.class).setParameter(5, preferences.address(), String.class).setParameter(6, at(preferences.updatedAt()))
                .executeUpdate();
    }

    /** The users of an organisation (or the one user) who chose e-mail for this type, with an address. */
    public List<Preferences> mailRecipients(String organisationId, String userId, String type) {
        var query = em.createNativeQuery("""
                        SELECT user_id, organisation_id, console_types, email_types, email, updated_at
                        FROM notification_preference
                        WHERE organisation_id = :organisation AND email IS NOT NULL""" + (userId == null ? "" : " AND user_id = :user")
                        + " ORDER BY user_id")
                .setParameter("organisation", organisationId);
        if (userId != null) {
            query.setParameter("user", userId);
        }
        List<?> rows = query.getResultList();
        return rows.stream().map(row -> preferences((Object[]) row)).filter(p -> p.email().contains(type)).toList();
    }

    private static Preferences preferences(Object[] r) {
        return new Preferences((String) r[0], (String) r[1], split((String) r[2]), split((String) r[3]), (String) r[4],
                instant(r[5]));
    }

    // ----------------------------------------------------------------- e-mails

    public boolean addEmail(long notificationId, String userId, String address, String subject, String body, Instant now) {
        return em.createNativeQuery("""
                        INSERT INTO notification_email (id, notification_id, user_id, address, subject, body, status,
                                                        attempts, next_attempt_at, created_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'PENDING', 0, ?7, ?7)
                        ON CONFLICT (notification_id, user_id) DO NOTHING""")
                .setParameter(1, UUID.randomUUID()).setParameter(2, notificationId).setParameter(3, userId)
                .setParameter(4, address).setParameter(5, subject).setParameter(6, body).setParameter(7, at(now))
                .executeUpdate() == 1;
    }

    /**
     * Takes the oldest due e-mail, moving its next attempt past the lease: no other sender takes it
     * meanwhile, and one whose sender died is sent again after it.
     */
    public Optional<Email> claimDue(Instant now, Instant leaseUntil) {
        List<?> rows = em.createNativeQuery("""
                        UPDATE notification_email SET next_attempt_at = ?2
                        WHERE id = (SELECT id FROM notification_email
                                    WHERE status = 'PENDING' AND next_attempt_at <= ?1
                                    ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING id, address, subject, body, attempts""")
                .setParameter(1, at(now)).setParameter(2, at(leaseUntil)).getResultList();
        return rows.stream().findFirst().map(row -> {
            Object[] r = (Object[]) row;
            return new Email((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], ((Number) r[4]).intValue());
        });
    }

    public void sent(UUID id, Instant now) {
        em.createNativeQuery("""
                        UPDATE notification_email SET status = 'SENT', attempts = attempts + 1, sent_at = ?2, last_error = NULL
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, at(now)).executeUpdate();
    }

    /** A failed attempt: tried again at {@code next}, or FAILED when none is left (next null). */
    public void failed(UUID id, String error, Instant next) {
        if (next == null) {
            em.createNativeQuery("""
                            UPDATE notification_email SET attempts = attempts + 1, last_error = ?2, status = 'FAILED'
                            WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, error).executeUpdate();
            return;
        }
        em.createNativeQuery("""
                        UPDATE notification_email SET attempts = attempts + 1, last_error = ?2, next_attempt_at = ?3
                        WHERE id = ?1""")
                .setParameter(1, id).setParameter(2, error).setParameter(3, at(next)).executeUpdate();
    }

    public long countPendingEmails() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM notification_email WHERE status = 'PENDING'")
                .getSingleResult()).longValue();
    }

    // ----------------------------------------------------------------- helpers

    static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case null -> null;
            default -> throw new IllegalStateException("not a time: " + value.getClass());
        };
    }

    static List<String> split(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).toList();
    }
}
