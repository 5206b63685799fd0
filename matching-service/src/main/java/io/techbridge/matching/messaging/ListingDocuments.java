package io.techbridge.matching.messaging;

import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.events.AchievementPayload;
import io.techbridge.events.AmountRange;
import io.techbridge.events.DemandPayload;
import io.techbridge.matching.invitation.ChallengeTerms;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ContentTerms;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.TextParts;

import java.time.LocalDate;
import java.util.List;

/** What the index keeps of an event's listing: its document (without the embedding yet) and its challenge terms. */
public final class ListingDocuments {

    private ListingDocuments() {
    }

    /** Only published achievements are offered to demands. */
    public static AchievementDocument of(AchievementPayload a) {
        AmountRange price = a.askingPrice() == null ? AmountRange.negotiableOnly() : a.askingPrice();
        List<String> keywords = a.keywords() == null ? List.of() : a.keywords();
        return new AchievementDocument(a.id(), a.version(), a.organisationId(), a.institution(), a.title(), a.summary(),
                a.advantages(), keywords, a.fieldCode(), TechnicalField.topLevel(a.fieldCode()), a.trl(), a.regionCode(),
                province(a.regionCode()), a.transferModes() == null ? List.of() : a.transferModes(), price.minCny(),
                price.maxCny(), price.negotiable(), a.status(), a.published(), a.createdAt(), a.updatedAt(),
                ContentTerms.of(a.title(), joined(keywords), a.summary(), a.advantages()),
                ContentTerms.of(a.title(), joined(keywords)),
                TextParts.hash(TextParts.join(a.title(), a.summary())), null);
    }

    /** Open demands within their validity are matched; expired, solved and closed ones are not. */
    public static DemandDocument of(DemandPayload d) {
        AmountRange money = d.budget() == null ? AmountRange.negotiableOnly() : d.budget();
        List<String> keywords = d.keywords() == null ? List.of() : d.keywords();
        return new DemandDocument(d.id(), d.version(), d.organisationId(), d.enterprise(), d.title(), d.problem(),
                d.indicators(), keywords, d.fieldCode(), TechnicalField.topLevel(d.fieldCode()), d.minTrl(),
                d.regionCode(), province(d.regionCode()),
                d.cooperationModes() == null ? List.of() : d.cooperationModes(), money.minCny(), money.maxCny(),
                money.negotiable(), d.confidentiality(), d.challenge() != null, d.validUntil(), d.status(), inPool(d),
                d.createdAt(), d.updatedAt(),
                ContentTerms.of(d.title(), joined(keywords), d.problem(), d.indicators()),
                ContentTerms.of(d.title(), joined(keywords)),
                TextParts.hash(TextParts.join(d.title(), d.problem())), null);
    }

    /** The challenge terms of this version, for invitations: none when it is no challenge. */
    public static ChallengeTerms challengeTerms(DemandPayload d) {
        return d.challenge() == null ? new ChallengeTerms(d.id(), d.version(), null, null)
                : new ChallengeTerms(d.id(), d.version(), d.challenge().applicationDeadline(), d.challenge().bountyCny());
    }

    private static boolean inPool(DemandPayload d) {
        boolean open = "OPEN".equals(d.status()) || "IN_NEGOTIATION".equals(d.status());
        return open && (d.validUntil() == null || !d.validUntil().isBefore(LocalDate.now(PlatformCalendar.ZONE)));
    }

    private static String joined(List<String> keywords) {
        return keywords.isEmpty() ? null : String.join(" ", keywords);
    }

    private static String province(String regionCode) {
        return regionCode == null ? null : regionCode.substring(0, 2);
    }
}
