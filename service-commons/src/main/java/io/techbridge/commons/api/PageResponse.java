package io.techbridge.commons.api;

import java.util.List;
import java.util.function.Function;

/** One page of a listing; {@code page} counts from 0. */
public record PageResponse<T>(List<T> items, int page, int size, long totalItems, int totalPages) {

    public static <E, T> PageResponse<T> of(List<E> entities, Function<E, T> mapper, PageRequest request, long total) {
        int pages = (int) ((total + request.size() - 1) / request.size());
        return new PageResponse<>(entities.stream().map(mapper).toList(), request.page(), request.size(), total, pages);
    }
}
