package io.techbridge.achievement.persistence;

import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.domain.IpForm;
import io.techbridge.commons.domain.TransferMode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An achievement (科技成果). {@code version} is the aggregate version of the domain: it starts
 * at 1 and grows by one with each change, under a row lock, so events carry exact versions.
 */
@Entity
@Table(name = "achievement")
public class Achievement {

    @Id
    public UUID id;

    @Column(name = "organisation_id", nullable = false, updatable = false)
    public String organisationId;

    @Column(nullable = false)
    public String institution;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public String summary;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> keywords;

    @Column(name = "field_code", nullable = false)
    public String fieldCode;

    @Column(nullable = false)
    public short trl;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "ip_forms", nullable = false)
    public List<IpForm> ipForms;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "patent_numbers", nullable = false)
    public List<String> patentNumbers;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "transfer_modes", nullable = false)
    public List<TransferMode> transferModes;

    @Column(name = "price_min_cny")
    public Long priceMinCny;

    @Column(name = "price_max_cny")
    public Long priceMaxCny;

    @Column(name = "price_negotiable", nullable = false)
    public boolean priceNegotiable;

    @Column(name = "free_trial_licence", nullable = false)
    public boolean freeTrialLicence;

    public String advantages;

    @Column(name = "region_code", nullable = false)
    public String regionCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public List<String> inventors;

    @Column(name = "contact_name", nullable = false)
    public String contactName;

    @Column(name = "contact_phone")
    public String contactPhone;

    @Column(name = "contact_email")
    public String contactEmail;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AchievementStatus status;

    @Column(name = "status_reason")
    public String statusReason;

    /** The achievement a broker merged this duplicate into (it is then WITHDRAWN); null otherwise. */
    @Column(name = "merged_into")
    public UUID mergedInto;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
