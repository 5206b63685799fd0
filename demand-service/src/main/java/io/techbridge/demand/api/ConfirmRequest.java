package io.techbridge.demand.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** The owner confirms a stale demand is still wanted; both members are optional. */
public record ConfirmRequest(
        @Min(1) Long version,
        @Size(max = 500) String reason) {
}
