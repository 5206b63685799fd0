package io.techbridge.matching.deadletter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

@ApplicationScoped
public class DeadLetterReplayRepository implements PanacheRepositoryBase<DeadLetterReplay, Long> {

    private static final Sort NEWEST_FIRST = Sort.descending("replayedAt").and("id", Sort.Direction.Descending);

    /** The replays of one message, newest first. */
    public List<DeadLetterReplay> of(String dlqTopic, int partition, long offset) {
        return find("dlqTopic = ?1 and dlqPartition = ?2 and dlqOffset = ?3", NEWEST_FIRST, dlqTopic, partition, offset)
                .list();
    }

    /** The replays of the messages of one partition at the given offsets, newest first. */
    public List<DeadLetterReplay> of(String dlqTopic, int partition, Collection<Long> offsets) {
        if (offsets.isEmpty()) {
            return List.of();
        }
        return find("dlqTopic = ?1 and dlqPartition = ?2 and dlqOffset in ?3", NEWEST_FIRST, dlqTopic, partition, offsets)
                .list();
    }

    /** How many messages of a partition in [from, to) were replayed at least once. */
    public long countReplayed(String dlqTopic, int partition, long from, long to) {
        return ((Number) getEntityManager().createNativeQuery("""
                        SELECT count(DISTINCT dlq_offset) FROM dead_letter_replay
                        WHERE dlq_topic = ?1 AND dlq_partition = ?2 AND dlq_offset >= ?3 AND dlq_offset < ?4""")
                .setParameter(1, dlqTopic).setParameter(2, partition).setParameter(3, from).setParameter(4, to)
                .getSingleResult()).longValue();
    }

    /** The offsets of a partition's messages replayed at least once, at or after {@code from}. */
    public Set<Long> replayedOffsets(String dlqTopic, int partition, long from) {
        @SuppressWarnings("unchecked")
        List<Number> offsets = getEntityManager().createNativeQuery("""
                        SELECT DISTINCT dlq_offset FROM dead_letter_replay
                        WHERE dlq_topic = ?1 AND dlq_partition = ?2 AND dlq_offset >= ?3""")
                .setParameter(1, dlqTopic).setParameter(2, partition).setParameter(3, from).getResultList();
        Set<Long> set = new HashSet<>();
        offsets.forEach(o -> set.add(o.longValue()));
        return set;
    }

    /**
     * Holds the message for this transaction: two replays of one message (two operators, two
     * instances) take their turns, so the second sees the first's row.
     */
    public void lock(String dlqTopic, int partition, long offset) {
        getEntityManager().createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS held")
                .setParameter(1, "dead-letter:" + dlqTopic + "/" + partition + "/" + offset).getSingleResult();
    }
}
