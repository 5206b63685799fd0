package io.techbridge.matching.deadletter;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One replay of a dead letter: which message, to where it went again, who did it and when (table dead_letter_replay). */
@Entity
@Table(name = "dead_letter_replay")
public class DeadLetterReplay extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "dlq_topic")
    public String dlqTopic;

    @Column(name = "dlq_partition")
    public int dlqPartition;

    @Column(name = "dlq_offset")
    public long dlqOffset;

    @Column(name = "source_topic")
    public String sourceTopic;

    /** The partition and offset the message got on the source topic by this replay. */
    @Column(name = "source_partition")
    public int sourcePartition;

    @Column(name = "source_offset")
    public long sourceOffset;

    @Column(name = "replayed_by")
    public String replayedBy;

    @Column(name = "replayed_at")
    public Instant replayedAt;
}
