package io.techbridge.demand.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Moves a demand into negotiation, solves or closes it; {@code version} is the one the client read. */
public record StatusChangeRequest(
        @NotNull @Min(1) Long version,
        @Size(max = 500) String reason) {
}
