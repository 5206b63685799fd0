package io.techbridge.commons.api;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import static io.techbridge.commons.api.PagingTest.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CursorTest {

    private static final Instant CHANGED = Instant.parse("2026-03-01T08:15:30.123456Z");
    private static final UUID ID = UUID.fromString("0b7e8f0e-5f0a-4c57-9a43-1f1d3c0b9e21");

    @Test
    void aCursorGivesBackTheSortKeyItWasMadeOf() {
        String text = Cursor.encode("achievements", List.of(CHANGED, ID));
        Cursor cursor = Cursor.decode("achievements", text, 2);
        assertEquals(CHANGED, cursor.instant(0));
        assertEquals(ID, cursor.uuid(1));
        Cursor scored = Cursor.decode("matches", Cursor.encode("matches", List.of(0.1 + 0.2, 1_767_225_600_000L, "x")), 3);
        assertEquals(0.1 + 0.2, scored.number(0));
        assertEquals(1_767_225_600_000L, scored.whole(1));
        assertEquals("x", scored.text(2));
    }

    @Test
    void aCursorNeedsNoEscapingInAQueryString() {
        String text = Cursor.encode("demands", List.of(CHANGED, ID, "中文 & = ?"));
        assertTrue(text.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), text);
    }

    @Test
    void anEditedCutOrForeignCursorIsA400NamingCursor() {
        String text = Cursor.encode("achievements", List.of(CHANGED, ID));
        String payload = text.substring(0, text.indexOf('.'));
        String check = text.substring(text.indexOf('.'));
        String otherKey = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("[\"" + CHANGED + "\",\"" + UUID.randomUUID() + "\"]").getBytes());
        assertViolation(() -> Cursor.decode("achievements", otherKey + check, 2), "cursor", "Cursor");
        assertViolation(() -> Cursor.decode("achievements", flip(payload) + check, 2), "cursor", "Cursor");
        assertViolation(() -> Cursor.decode("achievements", text.substring(0, text.length() - 3), 2), "cursor", "Cursor");
        assertViolation(() -> Cursor.decode("demands", text, 2), "cursor", "Cursor");
        assertViolation(() -> Cursor.decode("achievements", "not-a-cursor", 2), "cursor", "Cursor");
        assertViolation(() -> Cursor.decode("achievements", "%%%.###", 2), "cursor", "Cursor");
        assertViolation(() -> Cursor.decode("achievements", "x".repeat(Cursor.MAX_LENGTH + 1), 2), "cursor", "Cursor");
    }

    @Test
    void aCursorOfAnotherOrderingIsA400NamingCursor() {
        String unranked = Cursor.encode("search", List.of(1_767_225_600_000L, "x"));
        assertViolation(() -> Cursor.decode("search", unranked, 3), "cursor", "Cursor");
    }

    @Test
    void aValueOfTheWrongKindIsA400NotA500() {
        Cursor cursor = Cursor.decode("matches", Cursor.encode("matches", List.of("soon", "nobody")), 2);
        assertViolation(() -> cursor.instant(0), "cursor", "Cursor");
        assertViolation(() -> cursor.uuid(1), "cursor", "Cursor");
        assertViolation(() -> cursor.number(0), "cursor", "Cursor");
        assertViolation(() -> cursor.whole(0), "cursor", "Cursor");
    }

    @Test
    void cursorAndPageTogetherAreA400NamingCursor() {
        String text = Cursor.encode("achievements", List.of(CHANGED, ID));
        assertViolation(() -> PageRequest.parse("1", "20", text, "achievements", 2), "cursor", "Exclusive");
        assertViolation(() -> PageRequest.parse(null, "0", text, "achievements", 2), "size", "Range");
    }

    @Test
    void aPageAfterACursorReadsOneRowMoreToKnowWhetherMoreFollow() {
        PageRequest after = PageRequest.parse(null, "2", Cursor.encode("achievements", List.of(CHANGED, ID)),
                "achievements", 2);
        assertTrue(after.byCursor());
        assertEquals(3, after.rowsToRead());
        PageResponse<String> more = PageResponse.of(List.of(1, 2, 3), n -> "#" + n, after, 10, n -> List.of(n));
        assertEquals(List.of("#1", "#2"), more.items());
        assertNull(more.page());
        assertEquals(List.of("2"), Cursor.decode("achievements", more.nextCursor(), 1).key());
        PageResponse<String> last = PageResponse.of(List.of(1, 2), n -> "#" + n, after, 10, n -> List.of(n));
        assertNull(last.nextCursor());
    }

    @Test
    void aNumberedPageAlsoGivesTheCursorOfItsLastRowUnlessItIsTheLast() {
        PageRequest second = PageRequest.parse("1", "2", null, "achievements", 1);
        assertEquals(2, second.rowsToRead());
        PageResponse<Integer> page = PageResponse.of(List.of(3, 4), n -> n, second, 5, n -> List.of(n));
        assertEquals(Integer.valueOf(1), page.page());
        assertEquals(List.of("4"), Cursor.decode("achievements", page.nextCursor(), 1).key());
        assertNull(PageResponse.of(List.of(5), n -> n, PageRequest.parse("2", "2", null, "achievements", 1), 5,
                n -> List.of(n)).nextCursor());
        assertNull(PageResponse.of(List.of(1, 2), n -> n, PageRequest.parse("0", "2"), 5).nextCursor(),
                "a list without cursors gives none");
    }

    private static String flip(String text) {
        char last = text.charAt(text.length() - 1);
        return text.substring(0, text.length() - 1) + (last == 'A' ? 'B' : 'A');
    }
}
