package io.techbridge.achievement.persistence;

import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.domain.IpForm;
import io.techbridge.commons.domain.TransferMode;
import jakarta.persistence.Column;
import io.techbridge.listing.ListingRecord;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.List;

/**
 * An achievement (科技成果): its content and status; id, owner, contact and version are those of
 * every {@link ListingRecord}.
 */
@Entity
@Table(name = "achievement")
public class Achievement extends ListingRecord {

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

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public AchievementStatus status;
}
