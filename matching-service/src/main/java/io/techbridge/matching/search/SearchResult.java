package io.techbridge.matching.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.api.Paged;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.Map;

/** One page of a full-text search, with facet counts over the whole result (not just the page). */
public record SearchResult(
        List<Item> items,
        @Schema(description = PageResponse.PAGE, nullable = true) Integer page,
        int size,
        long totalItems,
        int totalPages,
        Facets facets,
        @Schema(description = PageResponse.NEXT_CURSOR, nullable = true) String nextCursor) implements Paged {

    /**
     * One record found. An achievement carries {@code trl}, a demand {@code minTrl} and {@code confidential}
     * (BROKERS_ONLY). A caller who may not see a confidential demand gets it anonymised (see
     * {@code access.Visibility}): a generic title, no organisation and no highlights.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(
            String type,
            String id,
            String title,
            String organisationId,
            String organisation,
            String fieldCode,
            String regionCode,
            Integer trl,
            Integer minTrl,
            String status,
            Double score,
            Map<String, List<String>> highlights,
            Boolean confidential) {
    }

    public SearchResult withItems(List<Item> shown) {
        return new SearchResult(shown, page, size, totalItems, totalPages, facets, nextCursor);
    }

    /**
     * Counts per value. Each of {@code type}, {@code field} and {@code region} is counted with every
     * filter except its own, so a client can show how many results choosing another value would give;
     * {@code status} is counted with all filters.
     */
    public record Facets(List<Bucket> type, List<Bucket> field, List<Bucket> region, List<Bucket> status) {
    }

    /**
     * A facet value: {@code label} is the Chinese name of a technical field or of a province (GB/T 2260,
     * {@code 440000} 广东省), absent for the other facets.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Bucket(String key, String label, long count) {
    }
}
