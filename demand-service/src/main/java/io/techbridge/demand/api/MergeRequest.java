package io.techbridge.demand.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.UUID;

/** A broker merges a duplicate into the demand it repeats; {@code version}, when sent, must be the current one. */
public record MergeRequest(
        @NotNull UUID intoId,
        @NotBlank @Size(max = 500) String reason,
        @Min(1) Long version) {
}
