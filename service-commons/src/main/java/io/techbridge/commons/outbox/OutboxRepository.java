package io.techbridge.commons.outbox;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEvent> {

    public List<OutboxEvent> oldestUnpublished(int limit) {
        return find("publishedAt is null order by id").page(0, limit).list();
    }

    public void markPublished(Collection<Long> ids, Instant at) {
        if (!ids.isEmpty()) {
            update("publishedAt = ?1 where id in ?2", at, ids);
        }
    }

    public long backlog() {
        return count("publishedAt is null");
    }

    public long deletePublishedBefore(Instant cutoff) {
        return delete("publishedAt is not null and publishedAt < ?1", cutoff);
    }

    /**
     * Takes the relay lock of this database for the current transaction; with several instances
     * of a service only one relays at a time, which keeps each aggregate's events in order.
     */
    public boolean tryRelayLock(long lockKey) {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(?1)")
                .setParameter(1, lockKey)
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }
}
