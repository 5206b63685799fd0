package io.techbridge.demand.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * The owner renews an expired or stale demand: the new last valid day (after today, at most the
 * configured maximum ahead), an optional reason and, when sent, the version read.
 */
public record RenewalRequest(
        @NotNull LocalDate validUntil,
        @Size(max = 500) String reason,
        @Min(1) Long version) {
}
