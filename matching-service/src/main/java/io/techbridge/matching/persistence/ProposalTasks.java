package io.techbridge.matching.persistence;

import io.techbridge.commons.tracing.TraceParents;
import io.techbridge.matching.domain.ListingType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The queue of records whose proposals must be recomputed (table proposal_task). */
@ApplicationScoped
public class ProposalTasks {

    /** Fired after tasks were queued, so the worker starts at once. */
    public record Queued() {
    }

    /** {@code traceParent}: the trace of the change that queued the newest version (null if none was recorded). */
    public record Task(String aggregateType, String aggregateId, long version, String traceParent) {
    }

    private final EntityManager entityManager;

    public ProposalTasks(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * A newer version replaces a queued older one; the task keeps its place in the queue. The current
     * trace goes with it, so the recomputation shows in the trace of the change that caused it.
     */
    public void enqueue(String aggregateType, String aggregateId, long version) {
        entityManager.createNativeQuery("""
                        INSERT INTO proposal_task (aggregate_type, aggregate_id, version, enqueued_at, trace_parent)
                        VALUES (?1, ?2, ?3, ?4, ?5)
                        ON CONFLICT (aggregate_type, aggregate_id)
                        DO UPDATE SET version = GREATEST(proposal_task.version, EXCLUDED.version),
                                      trace_parent = CASE WHEN EXCLUDED.version >= proposal_task.version
                                                          THEN EXCLUDED.trace_parent ELSE proposal_task.trace_parent END""")
                .setParameter(1, aggregateType).setParameter(2, aggregateId).setParameter(3, version)
                .setParameter(4, Instant.now()).setParameter(5, TraceParents.current())
                .executeUpdate();
    }

    /** The oldest task no other worker holds, locked until the transaction ends. */
    public Optional<Task> takeOldest() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT aggregate_type, aggregate_id, version, trace_parent FROM proposal_task
                        ORDER BY enqueued_at LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .getResultList();
        return rows.stream().findFirst()
                .map(r -> new Task((String) r[0], (String) r[1], ((Number) r[2]).longValue(), (String) r[3]));
    }

    public void done(Task task) {
        entityManager.createNativeQuery("DELETE FROM proposal_task WHERE aggregate_type = ?1 AND aggregate_id = ?2")
                .setParameter(1, task.aggregateType()).setParameter(2, task.aggregateId()).executeUpdate();
    }

    /** Sends a task that failed to the back of the queue, so it can't block the ones behind it. */
    public void postpone(Task task) {
        entityManager.createNativeQuery("""
                        UPDATE proposal_task SET enqueued_at = ?3 WHERE aggregate_type = ?1 AND aggregate_id = ?2""")
                .setParameter(1, task.aggregateType()).setParameter(2, task.aggregateId())
                .setParameter(3, Instant.now()).executeUpdate();
    }

    /**
     * Queues every record out of the candidate pool that still has proposals standing, unless it is
     * queued already; returns how many. Its task withdraws them.
     */
    public int queueRecordsOutOfPoolWithProposals() {
        return entityManager.createNativeQuery("""
                        INSERT INTO proposal_task (aggregate_type, aggregate_id, version, enqueued_at)
                        SELECT r.aggregate_type, r.aggregate_id, r.version, ?1 FROM indexed_record r
                        WHERE NOT r.in_pool AND (
                            r.aggregate_type = ?2 AND EXISTS (SELECT 1 FROM match_pair p
                                WHERE p.achievement_id = r.aggregate_id AND p.status = 'PROPOSED')
                            OR r.aggregate_type = ?3 AND EXISTS (SELECT 1 FROM match_pair p
                                WHERE p.demand_id = r.aggregate_id AND p.status = 'PROPOSED'))
                        ON CONFLICT (aggregate_type, aggregate_id) DO NOTHING""")
                .setParameter(1, Instant.now()).setParameter(2, ListingType.ACHIEVEMENT).setParameter(3, ListingType.DEMAND)
                .executeUpdate();
    }

    public long backlog() {
        return ((Number) entityManager.createNativeQuery("SELECT count(*) FROM proposal_task").getSingleResult())
                .longValue();
    }
}
