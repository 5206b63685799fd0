package io.techbridge.matching.matching;

/** A record near another, found by its embedding, and how near (cosine similarity). */
public record Neighbour(String id, double cosine) {
}
