package io.techbridge.matching.persistence;

import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.matching.domain.ReasonCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** One move of a pair through the pipeline, with who made it and when. */
@Entity
@Table(name = "match_transition")
public class MatchTransition {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "match_id", nullable = false)
    public UUID matchId;

    @Enumerated(EnumType.STRING)
    @Column(name = "from_status")
    public MatchStatus fromStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "to_status", nullable = false)
    public MatchStatus toStatus;

    @Column(nullable = false)
    public String actor;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public ReasonCode reasonCode;

    public String note;

    @Column(name = "contract_amount_cny")
    public Long contractAmountCny;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
