package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

@ApplicationScoped
public class IndexedRecordRepository implements PanacheRepositoryBase<IndexedRecord, IndexedRecord.Key> {

    public Optional<IndexedRecord> findForUpdate(String aggregateType, String aggregateId) {
        return findByIdOptional(new IndexedRecord.Key(aggregateType, aggregateId), LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Whether each of these records is in the candidate pool, as applied and committed, read with a
     * share lock that holds until the transaction ends, so an event taking one out of the pool can
     * only be applied after it (and then queues that record, whose proposals are recomputed). A record
     * whose event is being applied right now is left out of the answer (locked rows are skipped, so
     * no worker waits for ingestion): its own proposals are recomputed once that event is in.
     */
    @SuppressWarnings("unchecked")
    public Map<String, Boolean> lockPoolMembership(String aggregateType, Collection<String> aggregateIds) {
        Map<String, Boolean> inPool = new HashMap<>();
        if (aggregateIds.isEmpty()) {
            return inPool;
        }
        List<Object[]> rows = getEntityManager().createNativeQuery("""
                        SELECT aggregate_id, in_pool FROM indexed_record
                        WHERE aggregate_type = ?1 AND aggregate_id IN (?2)
                        ORDER BY aggregate_id FOR SHARE SKIP LOCKED""")
                .setParameter(1, aggregateType).setParameter(2, new ArrayList<>(new TreeSet<>(aggregateIds)))
                .getResultList();
        for (Object[] row : rows) {
            inPool.put((String) row[0], (Boolean) row[1]);
        }
        return inPool;
    }
}
