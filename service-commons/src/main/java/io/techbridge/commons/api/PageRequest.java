package io.techbridge.commons.api;

import io.techbridge.commons.problem.Problems;

import java.util.List;
import java.util.function.Function;

/**
 * Paging parameters, parsed by hand from the query string so that {@code ?page=abc} gets a 400
 * naming the parameter rather than JAX-RS's bare 404. A page is asked for by number ({@code page},
 * for people) or by the {@link Cursor} of the previous page's last item ({@code cursor}, for
 * machines: a keyset walk that neither skips nor repeats records when others are added meanwhile).
 *
 * @param list  the name of a list that gives out cursors (null: pages by number only)
 * @param after where a cursor walk goes on; null when paging by number
 */
public record PageRequest(int page, int size, String list, Cursor after) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /** No listing is paged through beyond this many rows; it also keeps page × size within an int. */
    public static final long MAX_OFFSET = 10_000_000;

    public PageRequest(int page, int size) {
        this(page, size, null, null);
    }

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
                    + " for pages of " + pageSize + "; narrow the listing, or walk it with cursor");
        }
        return new PageRequest(pageNumber, pageSize);
    }

    /**
     * Paging of a list that gives out cursors: by {@code page} number, or after a {@code cursor}
     * (never both) whose sort key has {@code keyLength} values.
     */
    public static PageRequest parse(String page, String size, String cursor, String list, int keyLength) {
        if (isBlank(cursor)) {
            PageRequest numbered = parse(page, size);
            return new PageRequest(numbered.page(), numbered.size(), list, null);
        }
        if (!isBlank(page)) {
            throw Problems.invalidQuery(Cursor.PARAMETER, "Exclusive", "cannot be combined with page: a cursor "
                    + "goes on where the previous page ended; send one or the other");
        }
        int pageSize = parse(null, size).size();
        return new PageRequest(0, pageSize, list, Cursor.decode(list, cursor.strip(), keyLength));
    }

    public boolean byCursor() {
        return after != null;
    }

    /** How many rows to read: after a cursor one more than the page, to know whether more follow. */
    public int rowsToRead() {
        return byCursor() ? size + 1 : size;
    }

    /** The page number an answer shows; none after a cursor (where the walk is is known only by the cursor). */
    public Integer pageNumber() {
        return byCursor() ? null : page;
    }

    /** The rows a page shows of those read ({@link #rowsToRead}). */
    public <E> List<E> shown(List<E> read) {
        return read.size() > size ? read.subList(0, size) : read;
    }

    /**
     * The cursor of the page after this one: of its last row, by {@code keyOf} (the list's ORDER
     * BY values, the id last); null on the last page and for lists without cursors.
     */
    public <E> String nextCursor(List<E> read, long total, Function<E, List<?>> keyOf) {
        boolean more = byCursor() ? read.size() > size : (long) (page + 1) * size < total;
        List<E> shown = shown(read);
        if (list == null || !more || shown.isEmpty()) {
            return null;
        }
        return Cursor.encode(list, keyOf.apply(shown.getLast()));
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static int parseInt(String name, String value, int defaultValue) {
        if (isBlank(value)) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw Problems.invalidQuery(name, "type", "must be a whole number, not '" + value + "'");
        }
    }
}
