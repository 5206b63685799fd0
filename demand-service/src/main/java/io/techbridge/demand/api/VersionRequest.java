package io.techbridge.demand.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** Withdraws an application; {@code version} is the one the client read. */
public record VersionRequest(@NotNull @Min(1) Long version) {
}
