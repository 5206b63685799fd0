package io.techbridge.demand.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TransferMode;
import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.Demand;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A demand as the API shows it (its events carry {@link io.techbridge.events.DemandPayload}); {@code challenge} and
 * {@code minTrl} may be null. The challenge shows where it stands (phase, live applications, winners). A caller who may not see the contact gets the demand without it, and
 * a confidential demand it may not read as a {@link DemandSummary} (see {@link DemandViews}).
 */
public record DemandResponse(
        UUID id,
        long version,
        String organisationId,
        String enterprise,
        String title,
        String problem,
        String indicators,
        String fieldCode,
        List<String> keywords,
        MoneyRange budget,
        LocalDate validUntil,
        String regionCode,
        List<TransferMode> cooperationModes,
        Integer minTrl,
        Confidentiality confidentiality,
        ChallengeView challenge,
        @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact,
        DemandStatus status,
        String statusReason,
        UUID mergedInto,
        Instant createdAt,
        Instant updatedAt) implements DemandView {

    /** The demand with its challenge as it stands ({@link ChallengeView#of}; null when it has none). */
    public static DemandResponse of(Demand d, ChallengeView challenge) {
        return new DemandResponse(d.id, d.version, d.organisationId, d.enterprise, d.title, d.problem, d.indicators,
                d.fieldCode, List.copyOf(d.keywords), new MoneyRange(d.budgetMinCny, d.budgetMaxCny, d.budgetNegotiable),
                d.validUntil, d.regionCode, List.copyOf(d.cooperationModes),
                d.minTrl == null ? null : d.minTrl.intValue(), d.confidentiality, challenge,
                new Contact(d.contactName, d.contactPhone, d.contactEmail),
                d.status, d.statusReason, d.mergedInto, d.createdAt, d.updatedAt);
    }

    /** The same demand without the contact person, phone and email. */
    public DemandResponse withoutContact() {
        return new DemandResponse(id, version, organisationId, enterprise, title, problem, indicators, fieldCode,
                keywords, budget, validUntil, regionCode, cooperationModes, minTrl, confidentiality, challenge, null,
                status, statusReason, mergedInto, createdAt, updatedAt);
    }
}
