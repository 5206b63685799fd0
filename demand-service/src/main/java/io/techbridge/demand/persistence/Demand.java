package io.techbridge.demand.persistence;

import io.techbridge.commons.domain.TransferMode;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandStatus;
import jakarta.persistence.Column;
import io.techbridge.listing.ListingRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An enterprise technology demand (企业技术需求): its content and status; id, owner, contact and
 * version are those of every {@link ListingRecord}. The optional open challenge (揭榜挂帅) lives in the {@code challenge*} columns,
 * all null when there is none.
 */
@Entity
@Table(name = "demand")
public class Demand extends ListingRecord {

    /** The organisation that posted it: the owner, or the operator of an admin who posted a challenge for it. */
    @Column(name = "posted_by", nullable = false, updatable = false)
    public String postedBy;

    @Column(nullable = false)
    public String enterprise;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String problem;

    public String indicators;

    @Column(name = "field_code", nullable = false)
    public String fieldCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> keywords;

    @Column(name = "budget_min_cny")
    public Long budgetMinCny;

    @Column(name = "budget_max_cny")
    public Long budgetMaxCny;

    @Column(name = "budget_negotiable", nullable = false)
    public boolean budgetNegotiable;

    @Column(name = "valid_until", nullable = false)
    public LocalDate validUntil;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "cooperation_modes", nullable = false)
    public List<TransferMode> cooperationModes;

    @Column(name = "min_trl")
    public Short minTrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Confidentiality confidentiality;

    @Column(name = "challenge_goal")
    public String challengeGoal;

    @Column(name = "challenge_indicators")
    public String challengeIndicators;

    @Column(name = "challenge_bounty_cny")
    public Long challengeBountyCny;

    @Column(name = "challenge_application_deadline")
    public LocalDate challengeApplicationDeadline;

    @Column(name = "challenge_judging_deadline")
    public LocalDate challengeJudgingDeadline;

    /** When the challenge's winners were picked; null until then (then all the award columns are set). */
    @Column(name = "challenge_awarded_at")
    public Instant challengeAwardedAt;

    /** Login name of who picked them. */
    @Column(name = "challenge_awarded_by")
    public String challengeAwardedBy;

    /** Role claim of who picked them: enterprise, broker or admin. */
    @Column(name = "challenge_awarded_role")
    public String challengeAwardedRole;

    /** What the applications that were not selected are told. */
    @Column(name = "challenge_award_reason")
    public String challengeAwardReason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "challenge_winners")
    public List<Winner> challengeWinners;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public DemandStatus status;


    public boolean hasChallenge() {
        return challengeGoal != null;
    }
}
