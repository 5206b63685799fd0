package io.techbridge.matching.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.query.NativeQuery;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static io.techbridge.matching.notification.NotificationStore.at;
import static io.techbridge.matching.notification.NotificationStore.instant;

/** Saved searches and the records each has told of (plain SQL). */
@ApplicationScoped
@SuppressWarnings({"unchecked", "rawtypes"})
public class SavedSearchStore {

    /** A saved search; {@code recordType} is achievement or demand. */
    public record SavedSearch(UUID id, String userId, String organisationId, String name, String query, String recordType,
            String fieldCode, String regionCode, Integer minTrl, Instant createdAt, Instant checkedThrough) {
    }

    private static final String COLUMNS = "id, user_id, organisation_id, name, query_text, record_type, field_code, "
            + "region_code, min_trl, created_at, checked_through";

    private final EntityManager em;

    public SavedSearchStore(EntityManager em) {
        this.em = em;
    }

    public void add(SavedSearch search) {
        em.createNativeQuery("INSERT INTO saved_search (" + COLUMNS + ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)")
                .unwrap(NativeQuery.class)
                .setParameter(1, search.id()).setParameter(2, search.userId()).setParameter(3, search.organisationId())
                .setParameter(4, search.name()).setParameter(5, search.query(), String.class).setParameter(6, search.recordType())
                .setParameter(7, search.fieldCode(), String.class).setParameter(8, search.regionCode(), String.class)
                .setParameter(9, search.minTrl(), Integer.class)
                .setParameter(10, at(search.createdAt())).setParameter(11, at(search.checkedThrough()))
                .executeUpdate();
    }

    public List<SavedSearch> ofUser(String userId) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM saved_search WHERE user_id = ?1 ORDER BY created_at, id")
                .setParameter(1, userId).getResultList());
    }

    public long countOfUser(String userId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM saved_search WHERE user_id = ?1")
                .setParameter(1, userId).getSingleResult()).longValue();
    }

    /** Deletes the user's saved search; false when it has none of that id. */
    public boolean delete(UUID id, String userId) {
        return em.createNativeQuery("DELETE FROM saved_search WHERE id = ?1 AND user_id = ?2")
                .setParameter(1, id).setParameter(2, userId).executeUpdate() == 1;
    }

    /** The saved searches last checked before {@code dueBefore}, oldest check first. */
    public List<UUID> due(Instant dueBefore, int limit) {
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery(
                        "SELECT id FROM saved_search WHERE checked_through < ?1 ORDER BY checked_through LIMIT ?2", UUID.class)
                .setParameter(1, at(dueBefore)).setParameter(2, limit).getResultList();
        return ids;
    }

    /** The saved search, locked for this transaction; empty when gone or another instance is checking it. */
    public Optional<SavedSearch> lock(UUID id) {
        return rows(em.createNativeQuery("SELECT " + COLUMNS + " FROM saved_search WHERE id = ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).getResultList()).stream().findFirst();
    }

    public void checked(UUID id, Instant through) {
        em.createNativeQuery("UPDATE saved_search SET checked_through = ?2 WHERE id = ?1")
                .setParameter(1, id).setParameter(2, at(through)).executeUpdate();
    }

    /** Records the hits not told of before and answers those (each record is told of once per saved search). */
    public boolean firstHit(UUID searchId, String recordId, Instant now) {
        return em.createNativeQuery("""
                        INSERT INTO saved_search_hit (saved_search_id, record_id, notified_at) VALUES (?1, ?2, ?3)
                        ON CONFLICT DO NOTHING""")
                .setParameter(1, searchId).setParameter(2, recordId).setParameter(3, at(now)).executeUpdate() == 1;
    }

    private static List<SavedSearch> rows(Collection<?> rows) {
        return rows.stream().map(row -> {
            Object[] r = (Object[]) row;
            return new SavedSearch((UUID) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                    (String) r[6], (String) r[7], r[8] == null ? null : ((Number) r[8]).intValue(), instant(r[9]),
                    instant(r[10]));
        }).toList();
    }
}
