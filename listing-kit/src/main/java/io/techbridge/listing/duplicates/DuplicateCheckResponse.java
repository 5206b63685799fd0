package io.techbridge.listing.duplicates;

import java.util.List;

/** The answer of a dry-run duplicate check: the candidates, most similar first (empty: none). */
public record DuplicateCheckResponse(List<DuplicateCandidate> candidates) {
}
