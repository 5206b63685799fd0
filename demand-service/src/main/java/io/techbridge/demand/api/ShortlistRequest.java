package io.techbridge.demand.api;

import jakarta.validation.constraints.NotNull;

/** Puts an application on the shortlist, or takes it off. */
public record ShortlistRequest(@NotNull Boolean shortlisted) {
}
