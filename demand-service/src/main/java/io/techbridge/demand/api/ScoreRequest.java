package io.techbridge.demand.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A scorer's sheet for one application: a score 0–100 per challenge indicator, with optional comments. */
public record ScoreRequest(
        @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid IndicatorScore> scores,
        @Size(max = 2000) String note) {

    public record IndicatorScore(
            @NotBlank @Size(max = 200) String indicator,
            @NotNull @Min(0) @Max(100) Integer score,
            @Size(max = 1000) String comment) {
    }
}
