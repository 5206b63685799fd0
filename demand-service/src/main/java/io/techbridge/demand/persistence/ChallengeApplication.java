package io.techbridge.demand.persistence;

import io.techbridge.demand.domain.ApplicationStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An application of a university or institute to an open challenge (揭榜). {@code version} is its
 * aggregate version: 1 when submitted, one more with each change, under a row lock. At most one
 * live (not withdrawn) application per organisation and challenge, enforced by a unique index.
 */
@Entity
@Table(name = "challenge_application")
public class ChallengeApplication {

    @Id
    public UUID id;

    @Column(name = "demand_id", nullable = false, updatable = false)
    public UUID demandId;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public String organisationId;

    @Column(name = "organisation_name", nullable = false)
    public String organisationName;

    /** Login name of who submitted it. */
    @Column(name = "submitted_by", nullable = false)
    public String submittedBy;

    @Column(nullable = false)
    public String approach;

    @Column(nullable = false)
    public String team;

    @Column(name = "trl_now", nullable = false)
    public short trlNow;

    @Column(name = "trl_promised", nullable = false)
    public short trlPromised;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<PlannedMilestone> milestones;

    @Column(name = "price_cny", nullable = false)
    public long priceCny;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "achievement_ids", nullable = false)
    public List<UUID> achievementIds;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ApplicationStatus status;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<ScoreSheet> scores;

    @Column(name = "total_score", precision = 6, scale = 2)
    public BigDecimal totalScore;

    @Column(nullable = false)
    public boolean shortlisted;

    @Column(name = "outcome_reason")
    public String outcomeReason;

    @Column(nullable = false)
    public long version;

    @Column(name = "submitted_at", nullable = false)
    public Instant submittedAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
