package io.techbridge.commons.api;

import io.techbridge.commons.problem.Problems;

/**
 * Paging parameters, parsed by hand from the query string so that {@code ?page=abc} gets a 400
 * naming the parameter rather than JAX-RS's bare 404.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** No listing is paged through beyond this many rows; it also keeps page × size within an int. */
    public static final long MAX_OFFSET = 10_000_000;

    public static PageRequest parse(String page, String size) {
        int pageNumber = parseInt("page", page, 0);
        int pageSize = parseInt("size", size, DEFAULT_SIZE);
        if (pageNumber < 0) {
            throw Problems.invalidQuery("page", "Min", "must be 0 or more");
        }
        if (pageSize < 1 || pageSize > MAX_SIZE) {
            throw Problems.invalidQuery("size", "Range", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) pageNumber * pageSize > MAX_OFFSET) {
            throw Problems.invalidQuery("page", "Range", "must be at most " + MAX_OFFSET / pageSize
                    + " for pages of " + pageSize + "; narrow the listing instead");
        }
        return new PageRequest(pageNumber, pageSize);
    }

    private static int parseInt(String name, String value, int defaultValue) {
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalidQuery(name, "type", "must be a whole number, not '" + value + "'");
        }
    }
}
