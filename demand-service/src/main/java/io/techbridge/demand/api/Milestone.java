package io.techbridge.demand.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** One milestone a challenge applicant promises: what, and by when. */
public record Milestone(@NotBlank @Size(max = 200) String title, @NotNull LocalDate due) {
}
