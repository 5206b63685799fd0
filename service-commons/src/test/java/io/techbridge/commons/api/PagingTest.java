package io.techbridge.commons.api;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class PagingTest {

    @Test
    void absentOrBlankParametersGiveTheFirstPageOfTheDefaultSize() {
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), PageRequest.parse(null, null));
        assertEquals(new PageRequest(0, PageRequest.DEFAULT_SIZE), PageRequest.parse(" ", ""));
        assertEquals(new PageRequest(3, 50), PageRequest.parse(" 3 ", "50"));
        assertEquals(new PageRequest(0, PageRequest.MAX_SIZE), PageRequest.parse("0", "100"));
    }

    @Test
    void aBadParameterIsA400NamingIt() {
        assertViolation(() -> PageRequest.parse("abc", null), "page", "type");
        assertViolation(() -> PageRequest.parse(null, "1.5"), "size", "type");
        assertViolation(() -> PageRequest.parse("-1", null), "page", "Min");
        assertViolation(() -> PageRequest.parse(null, "0"), "size", "Range");
        assertViolation(() -> PageRequest.parse(null, "101"), "size", "Range");
    }

    @Test
    void aPageCountsTheItemsAndPagesOfTheWholeListing() {
        PageResponse<String> page = PageResponse.of(List.of(1, 2), n -> "#" + n, new PageRequest(2, 20), 42);
        assertEquals(List.of("#1", "#2"), page.items());
        assertEquals(Integer.valueOf(2), page.page());
        assertEquals(20, page.size());
        assertEquals(42, page.totalItems());
        assertEquals(3, page.totalPages());
        assertEquals(2, PageResponse.of(List.of(), n -> n, new PageRequest(0, 20), 40).totalPages());
        assertEquals(0, PageResponse.of(List.of(), n -> n, new PageRequest(0, 20), 0).totalPages());
    }

    static void assertViolation(Runnable call, String parameter, String rule) {
        ProblemException refused = assertThrows(ProblemException.class, call::run);
        Problem problem = refused.problem();
        assertEquals(400, problem.status());
        assertEquals(1, problem.violations().size(), problem.toString());
        Problem.Violation violation = problem.violations().getFirst();
        assertEquals(parameter, violation.field());
        assertEquals("query", violation.in());
        assertEquals(rule, violation.rule());
    }
}
