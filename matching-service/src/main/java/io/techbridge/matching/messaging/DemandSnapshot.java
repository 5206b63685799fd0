package io.techbridge.matching.messaging;

import io.techbridge.matching.domain.ListingType;
import io.techbridge.matching.invitation.ChallengeTerms;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.search.DemandDocument;
import io.techbridge.matching.search.TextParts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/** The payload of a demand event: the demand as demand-service shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemandSnapshot(
        String id,
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
        List<String> cooperationModes,
        Integer minTrl,
        String confidentiality,
        Challenge challenge,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    public static final String AGGREGATE_TYPE = ListingType.DEMAND;

    /**
     * The open-challenge block (揭榜挂帅) as far as matching needs it: whom to invite depends on the
     * application deadline; the bounty is shown with the invitation. The rest is demand-service's.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Challenge(Long bountyCny, LocalDate applicationDeadline) {
    }

    /** The challenge terms of this version, for invitations: none when it is no challenge. */
    public ChallengeTerms challengeTerms() {
        return challenge == null ? new ChallengeTerms(id, version, null, null)
                : new ChallengeTerms(id, version, challenge.applicationDeadline(), challenge.bountyCny());
    }

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Open demands within their validity are matched; expired, solved and closed ones are not. */
    public boolean inPool() {
        boolean open = "OPEN".equals(status) || "IN_NEGOTIATION".equals(status);
        return open && (validUntil == null || !validUntil.isBefore(LocalDate.now(CHINA)));
    }

    public DemandDocument toDocument() {
        MoneyRange money = budget == null ? MoneyRange.negotiableOnly() : budget;
        String text = TextParts.join(title, problem);
        return new DemandDocument(id, version, organisationId, enterprise, title, problem, indicators,
                keywords == null ? List.of() : keywords, fieldCode, TechnicalField.topLevel(fieldCode), minTrl,
                regionCode, regionCode == null ? null : regionCode.substring(0, 2),
                cooperationModes == null ? List.of() : cooperationModes, money.minCny(), money.maxCny(),
                money.negotiable(), confidentiality, challenge != null, validUntil, status, inPool(), createdAt,
                updatedAt, io.techbridge.matching.search.ContentTerms.of(title,
                        keywords == null ? null : String.join(" ", keywords), problem, indicators),
                io.techbridge.matching.search.ContentTerms.of(title, keywords == null ? null : String.join(" ", keywords)),
                TextParts.hash(text), null);
    }
}
