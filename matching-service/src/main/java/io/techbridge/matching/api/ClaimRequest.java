package io.techbridge.matching.api;

/** Taking a pair on; {@code takeOver} also when another broker holds it. */
public record ClaimRequest(Boolean takeOver) {
}
