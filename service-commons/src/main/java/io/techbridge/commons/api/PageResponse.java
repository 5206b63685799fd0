package io.techbridge.commons.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code page} counts from 0. */
public record PageResponse<T>(
        List<T> items,
        @Schema(description = PAGE, nullable = true) Integer page,
        int size,
        long totalItems,
        int totalPages,
        @Schema(description = NEXT_CURSOR, nullable = true) String nextCursor) implements Paged {

    public static final String PAGE = "The page number, from 0; null for a page asked for with cursor";
    public static final String NEXT_CURSOR = "Send as cursor to get the page after this one (as the Link "
            + "header's rel=\"next\" does); null on the last page";

    /** A page of a list that pages by number only. */
    public static <E, T> PageResponse<T> of(List<E> entities, Function<E, T> mapper, PageRequest request, long total) {
        return of(entities, mapper, request, total, e -> List.of());
    }

    /**
     * A page of the rows read for {@code request} ({@link PageRequest#rowsToRead}), with the cursor of
     * its last row by {@code keyOf}: the list's ORDER BY values, the id last.
     */
    public static <E, T> PageResponse<T> of(List<E> read, Function<E, T> mapper, PageRequest request, long total,
            Function<E, List<?>> keyOf) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageResponse<>(request.shown(read).stream().map(mapper).toList(), request.pageNumber(),
                request.size(), total, pages, request.nextCursor(read, total, keyOf));
    }

    /** The same page with its items shown otherwise (what the caller may see of each). */
    public <U> PageResponse<U> withItems(List<U> shown) {
        return new PageResponse<>(shown, page, size, totalItems, totalPages, nextCursor);
    }
}
