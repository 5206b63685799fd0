package io.techbridge.demand.persistence;

import com.fasterxml.jackson.annotation.JsonFormat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One scorer's sheet for an application, as stored (jsonb): the scorer (login name), its role and
 * organisation, a score per indicator, and their mean. Re-scoring replaces the scorer's sheet.
 */
public record ScoreSheet(
        String scorer,
        String scorerRole,
        String scorerOrganisationId,
        List<Score> scores,
        String note,
        BigDecimal mean,
        @JsonFormat(shape = JsonFormat.Shape.STRING) Instant scoredAt) {

    public record Score(String indicator, int score, String comment) {
    }
}
