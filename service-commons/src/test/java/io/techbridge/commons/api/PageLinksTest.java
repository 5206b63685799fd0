package io.techbridge.commons.api;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;

class PageLinksTest {

    private record Page(Integer page, int totalPages, String nextCursor) implements Paged {
    }

    @Test
    void aFirstPageWithoutPageNumberLinksOnByCursorKeepingTheOtherParameters() {
        assertEquals("</api/achievements?status=PUBLISHED&q=%E7%9F%B3&size=2&cursor=abc.def>; rel=\"next\", "
                        + "</api/achievements?status=PUBLISHED&q=%E7%9F%B3&size=2>; rel=\"first\"",
                PageLinks.links(URI.create("http://service:8081/api/achievements?status=PUBLISHED&q=%E7%9F%B3&size=2"),
                        new Page(0, 5, "abc.def")));
    }

    @Test
    void aPageAfterACursorLinksToTheNextCursorInPlaceOfItsOwn() {
        assertEquals("</api/demands?size=2&cursor=next.one>; rel=\"next\", </api/demands?size=2>; rel=\"first\"",
                PageLinks.links(URI.create("/api/demands?cursor=this.one&size=2"), new Page(null, 5, "next.one")));
        assertEquals("</api/demands?size=2>; rel=\"first\"",
                PageLinks.links(URI.create("/api/demands?cursor=this.one&size=2"), new Page(null, 5, null)),
                "the last page has no next");
    }

    @Test
    void aNumberedPageLinksByNumber() {
        assertEquals("</api/matches?status=PROPOSED&page=3>; rel=\"next\", </api/matches?status=PROPOSED&page=1>; rel=\"prev\", "
                        + "</api/matches?status=PROPOSED&page=0>; rel=\"first\"",
                PageLinks.links(URI.create("/api/matches?page=2&status=PROPOSED"), new Page(2, 5, "ignored.here")));
        assertEquals("</api/matches?page=3>; rel=\"prev\", </api/matches?page=0>; rel=\"first\"",
                PageLinks.links(URI.create("/api/matches?page=4"), new Page(4, 5, null)));
        assertEquals("</api/matches?page=4>; rel=\"prev\", </api/matches?page=0>; rel=\"first\"",
                PageLinks.links(URI.create("/api/matches?page=9"), new Page(9, 5, null)), "past the end, prev is the last page");
    }

    @Test
    void aListWithoutCursorsLinksByNumberFromItsFirstPage() {
        assertEquals("</api/audit?page=1>; rel=\"next\", </api/audit>; rel=\"first\"",
                PageLinks.links(URI.create("/api/audit"), new Page(0, 3, null)));
        assertEquals("</api/audit?size=5>; rel=\"first\"", PageLinks.links(URI.create("/api/audit?size=5&page="), new Page(0, 1, null)));
    }
}
