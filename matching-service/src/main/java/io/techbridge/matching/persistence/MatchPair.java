package io.techbridge.matching.persistence;

import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.matching.domain.ReasonCode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A proposed or decided (demand, achievement) pair; {@code version} grows with each change. */
@Entity
@Table(name = "match_pair")
public class MatchPair {

    @Id
    public UUID id;

    @Column(name = "demand_id", nullable = false, updatable = false)
    public String demandId;

    @Column(name = "achievement_id", nullable = false, updatable = false)
    public String achievementId;

    @Column(name = "demand_organisation_id")
    public String demandOrganisationId;

    @Column(name = "achievement_organisation_id")
    public String achievementOrganisationId;

    /** The demand's field and region: the pair is counted where the need is. */
    @Column(name = "field_code")
    public String fieldCode;

    @Column(name = "region_code")
    public String regionCode;

    @Column(nullable = false)
    public double score;

    /** The explanation as JSON, as the API shows it. */
    @Column(nullable = false)
    public String explanation;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MatchStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "reason_code")
    public ReasonCode reasonCode;

    public String note;

    @Column(name = "contract_amount_cny")
    public Long contractAmountCny;

    @Column(name = "contract_registration_no")
    public String contractRegistrationNo;

    /** When the enterprise accepted the introduction; from then on the pair is disclosed, for good. */
    @Column(name = "introduction_accepted_at")
    public Instant introductionAcceptedAt;

    /** ENTERPRISE, or OFFLINE when a broker recorded an acceptance the enterprise gave elsewhere. */
    @Column(name = "introduction_accepted_via")
    public String introductionAcceptedVia;

    /** The broker following the pair up (the token's subject), and the name shown for them. */
    @Column(name = "assignee_id")
    public String assigneeId;

    @Column(name = "assignee_name")
    public String assigneeName;

    @Column(name = "assigned_at")
    public Instant assignedAt;

    /** The earliest date among the pair's open notes (see {@link MatchNote}). */
    @Column(name = "next_step_on")
    public LocalDate nextStepOn;

    @Column(nullable = false)
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The enterprise accepted the introduction: its counterpart may see the demand and contact in full. */
    public boolean disclosed() {
        return introductionAcceptedAt != null;
    }
}
