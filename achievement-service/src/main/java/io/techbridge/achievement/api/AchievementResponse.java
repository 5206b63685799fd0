package io.techbridge.achievement.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.domain.IpForm;
import io.techbridge.achievement.domain.MaturityStage;
import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TransferMode;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An achievement as the API shows it (its events carry {@link io.techbridge.events.AchievementPayload}). A
 * caller who may not see the contact gets the record without it (see {@link AchievementViews}).
 */
public record AchievementResponse(
        UUID id,
        long version,
        String organisationId,
        String institution,
        String title,
        String summary,
        List<String> keywords,
        String fieldCode,
        int trl,
        MaturityStage stage,
        List<IpForm> ipForms,
        List<String> patentNumbers,
        List<TransferMode> transferModes,
        MoneyRange askingPrice,
        boolean freeTrialLicence,
        String advantages,
        String regionCode,
        List<String> inventors,
        @JsonInclude(JsonInclude.Include.NON_NULL) Contact contact,
        AchievementStatus status,
        String statusReason,
        UUID mergedInto,
        Instant createdAt,
        Instant updatedAt) {

    public static AchievementResponse of(Achievement a) {
        return new AchievementResponse(a.id, a.version, a.organisationId, a.institution, a.title, a.summary,
                List.copyOf(a.keywords), a.fieldCode, a.trl, MaturityStage.ofTrl(a.trl), List.copyOf(a.ipForms),
                List.copyOf(a.patentNumbers), List.copyOf(a.transferModes),
                new MoneyRange(a.priceMinCny, a.priceMaxCny, a.priceNegotiable), a.freeTrialLicence, a.advantages,
                a.regionCode, List.copyOf(a.inventors), new Contact(a.contactName, a.contactPhone, a.contactEmail),
                a.status, a.statusReason, a.mergedInto, a.createdAt, a.updatedAt);
    }

    /** The same record without the contact person, phone and email. */
    public AchievementResponse withoutContact() {
        return new AchievementResponse(id, version, organisationId, institution, title, summary, keywords, fieldCode,
                trl, stage, ipForms, patentNumbers, transferModes, askingPrice, freeTrialLicence, advantages,
                regionCode, inventors, null, status, statusReason, mergedInto, createdAt, updatedAt);
    }
}
