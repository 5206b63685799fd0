package io.techbridge.matching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** A broker's note on a pair; with {@code nextStepOn} (yyyy-mm-dd, today or later) the date of the next step. */
public record NoteRequest(
        @NotBlank @Size(max = 2000) String text,
        LocalDate nextStepOn) {
}
