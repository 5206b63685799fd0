package io.techbridge.matching.messaging;

import io.techbridge.matching.domain.ListingType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.TextParts;

import java.time.Instant;
import java.util.List;

/** The payload of an achievement event: the achievement as achievement-service shows it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AchievementSnapshot(
        String id,
        long version,
        String organisationId,
        String institution,
        String title,
        String summary,
        List<String> keywords,
        String fieldCode,
        Integer trl,
        List<String> transferModes,
        MoneyRange askingPrice,
        String advantages,
        String regionCode,
        String status,
        Instant createdAt,
        Instant updatedAt) {

    public static final String AGGREGATE_TYPE = ListingType.ACHIEVEMENT;

    /** Only published achievements are offered to demands. */
    public boolean inPool() {
        return "PUBLISHED".equals(status);
    }

    public AchievementDocument toDocument() {
        MoneyRange price = askingPrice == null ? MoneyRange.negotiableOnly() : askingPrice;
        String text = TextParts.join(title, summary);
        return new AchievementDocument(id, version, organisationId, institution, title, summary, advantages,
                keywords == null ? List.of() : keywords, fieldCode, TechnicalField.topLevel(fieldCode), trl, regionCode,
                regionCode == null ? null : regionCode.substring(0, 2), transferModes == null ? List.of() : transferModes,
                price.minCny(), price.maxCny(), price.negotiable(), status, inPool(), createdAt, updatedAt,
                io.techbridge.matching.search.ContentTerms.of(title, keywords == null ? null : String.join(" ", keywords),
                        summary, advantages),
                io.techbridge.matching.search.ContentTerms.of(title, keywords == null ? null : String.join(" ", keywords)),
                TextParts.hash(text), null);
    }
}
