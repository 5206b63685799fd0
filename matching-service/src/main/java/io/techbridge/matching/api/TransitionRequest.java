package io.techbridge.matching.api;

import io.techbridge.matching.domain.MatchStatus;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Moves an approved pair on: INTRODUCED → NEGOTIATING → CONTRACTED (with the contract amount and
 * its technology-contract registration number 技术合同登记号), or FAILED. An introduced pair moves to
 * NEGOTIATING once the enterprise accepted the introduction, or with {@code offlineAcceptance} and a
 * note when the broker records an acceptance the enterprise gave elsewhere.
 */
public record TransitionRequest(
        @NotNull MatchStatus status,
        @Min(0) @Max(1_000_000_000_000L) Long contractAmountCny,
        @Size(max = 64) @Pattern(regexp = "^[0-9A-Za-z-]{6,64}$",
                message = "must be a registration number of letters, digits and '-'") String registrationNo,
        @Size(max = 2000) String note,
        Boolean offlineAcceptance,
        @Min(1) Long version) {
}
