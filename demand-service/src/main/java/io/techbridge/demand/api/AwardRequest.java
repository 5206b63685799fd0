package io.techbridge.demand.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Picks the winners of a challenge. {@code reason} is what every other live application is told;
 * {@code reasons} may give one application (a winner too) its own.
 */
public record AwardRequest(
        @NotNull @Size(min = 1, max = 20) @UniqueElements List<@NotNull UUID> winners,
        @NotBlank @Size(max = 2000) String reason,
        Map<UUID, @NotBlank @Size(max = 2000) String> reasons) {
}
