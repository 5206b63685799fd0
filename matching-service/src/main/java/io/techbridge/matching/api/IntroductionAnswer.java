package io.techbridge.matching.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The enterprise's answer to an introduction: {@code accept} true discloses the pair to the
 * achievement's organisation, false ends it (FAILED) with the note; {@code version} optional.
 */
public record IntroductionAnswer(
        @NotNull Boolean accept,
        @Size(max = 2000) String note,
        @Min(1) Long version) {
}
