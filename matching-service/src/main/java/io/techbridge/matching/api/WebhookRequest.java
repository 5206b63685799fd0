package io.techbridge.matching.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new webhook subscription: where to send which events. */
public record WebhookRequest(
        @Schema(description = "https URL on a public address that takes a POST of each event", example = "https://rm.example.edu.cn/techbridge/events")
        @NotBlank @Size(max = 2000) String url,
        @Schema(description = "the events to send: pair.approved, introduction.waiting (enterprises), invitation.issued (universities), challenge.phase-changed, import.finished")
        @NotEmpty @Size(max = 10) List<@NotNull @Size(max = 64) String> events,
        @Schema(description = "what the receiver is, for the people who look after it") @Size(max = 200) String description) {
}
