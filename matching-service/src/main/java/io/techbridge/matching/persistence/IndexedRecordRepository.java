package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Optional;

@ApplicationScoped
public class IndexedRecordRepository implements PanacheRepositoryBase<IndexedRecord, IndexedRecord.Key> {

    public Optional<IndexedRecord> findForUpdate(String aggregateType, String aggregateId) {
        return findByIdOptional(new IndexedRecord.Key(aggregateType, aggregateId), LockModeType.PESSIMISTIC_WRITE);
    }
}
