package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A demand after a change, on {@code demand-events} (aggregate type {@code Demand}). A
 * BROKERS_ONLY demand's text is here, because matching-service must match it: consumers honour
 * {@code confidentiality} themselves, and only matching-service reads this topic. The contact
 * stays in demand-service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemandPayload(
        String id,
        long version,
        String organisationId,
        String enterprise,
        String title,
        String problem,
        String indicators,
        String fieldCode,
        List<String> keywords,
        AmountRange budget,
        LocalDate validUntil,
        String regionCode,
        List<String> cooperationModes,
        Integer minTrl,
        String confidentiality,
        Challenge challenge,
        String status,
        String statusReason,
        String mergedInto,
        Instant createdAt,
        Instant updatedAt) implements EventPayload {

    public static final String AGGREGATE_TYPE = "Demand";

    public static final String CREATED = "DemandCreated";
    public static final String UPDATED = "DemandUpdated";
    public static final String IN_NEGOTIATION = "DemandInNegotiation";
    public static final String SOLVED = "DemandSolved";
    public static final String CLOSED = "DemandClosed";
    public static final String EXPIRED = "DemandExpired";
    /** The winners of its open challenge were picked (the challenge shows them, and who picked). */
    public static final String CHALLENGE_AWARDED = "ChallengeAwarded";
    public static final String MERGED = "DemandMerged";
    public static final String MARKED_STALE = "DemandMarkedStale";
    public static final String CONFIRMED = "DemandConfirmed";
    public static final String RENEWED = "DemandRenewed";

    public static final List<String> TYPES = List.of(CREATED, UPDATED, IN_NEGOTIATION, SOLVED, CLOSED, EXPIRED,
            CHALLENGE_AWARDED, MERGED, MARKED_STALE, CONFIRMED, RENEWED);

    /** The open challenge (揭榜挂帅): its terms, phase, live applications and, once awarded, the winners. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Challenge(
            String goal,
            String indicators,
            Long bountyCny,
            LocalDate applicationDeadline,
            LocalDate judgingDeadline,
            String phase,
            long applicationCount,
            List<Winner> winners,
            Instant awardedAt,
            String awardedBy,
            String awardedByRole) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Winner(String applicationId, String organisationId, String organisationName) {
    }
}
