package io.techbridge.commons.api;

/** An answer that is one page of a list: what {@link PageLinks} builds the {@code Link} header from. */
public interface Paged {

    /** The page number, from 0; null for a page after a cursor. */
    Integer page();

    int totalPages();

    /** The cursor of the next page; null on the last page, or for a list that pages by number only. */
    String nextCursor();
}
