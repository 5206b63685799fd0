package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/**
 * An achievement after a change, on {@code achievement-events} (aggregate type {@code Achievement}).
 * Enumerations are their names as strings, so a consumer reads a value it does not know yet.
 * Contact person, phone and e-mail stay in achievement-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AchievementPayload(
        String id,
        long version,
        String organisationId,
        String institution,
        String title,
        String summary,
        List<String> keywords,
        String fieldCode,
        Integer trl,
        String stage,
        List<String> ipForms,
        List<String> patentNumbers,
        List<String> transferModes,
        AmountRange askingPrice,
        boolean freeTrialLicence,
        String advantages,
        String regionCode,
        List<String> inventors,
        String status,
        String statusReason,
        String mergedInto,
        Instant createdAt,
        Instant updatedAt) implements EventPayload {

    public static final String AGGREGATE_TYPE = "Achievement";

    public static final String CREATED = "AchievementCreated";
    public static final String UPDATED = "AchievementUpdated";
    public static final String PUBLISHED = "AchievementPublished";
    public static final String WITHDRAWN = "AchievementWithdrawn";
    public static final String TRANSFERRED = "AchievementTransferred";
    public static final String MERGED = "AchievementMerged";
    public static final String MARKED_STALE = "AchievementMarkedStale";
    public static final String CONFIRMED = "AchievementConfirmed";

    public static final List<String> TYPES = List.of(CREATED, UPDATED, PUBLISHED, WITHDRAWN, TRANSFERRED, MERGED,
            MARKED_STALE, CONFIRMED);

    /** Only published achievements are offered to demands. */
    public boolean published() {
        return "PUBLISHED".equals(status);
    }
}
