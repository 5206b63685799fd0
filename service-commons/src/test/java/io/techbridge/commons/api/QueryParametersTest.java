package io.techbridge.commons.api;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.TimeUnit;

import static io.techbridge.commons.api.PagingTest.assertViolation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

class QueryParametersTest {

    @Test
    void blankMeansAbsentAndValuesAreStripped() {
        assertNull(QueryParameters.fieldCode("field", "  "));
        assertNull(QueryParameters.regionCode("region", null));
        assertNull(QueryParameters.enumValue("unit", "", TimeUnit.class));
        assertNull(QueryParameters.text("q", " \t", 10));
        assertEquals("石墨烯", QueryParameters.text("q", " 石墨烯 ", 200));
    }

    @Test
    void fieldCodesOfTheTaxonomyOnly() {
        assertEquals("04", QueryParameters.fieldCode("field", "04"));
        assertEquals("04.03", QueryParameters.fieldCode("field", " 04.03 "));
        assertViolation(() -> QueryParameters.fieldCode("field", "04.99"), "field", "FieldCode");
        assertViolation(() -> QueryParameters.fieldCode("sector", "4"), "sector", "FieldCode");
    }

    @Test
    void regionCodesOfARealProvince() {
        assertEquals("330100", QueryParameters.regionCode("region", "330100"));
        assertViolation(() -> QueryParameters.regionCode("region", "990100"), "region", "RegionCode");
        assertViolation(() -> QueryParameters.regionCode("region", "33010"), "region", "RegionCode");
    }

    @Test
    void enumValuesInAnyCaseAndAnUnknownOneNamesTheChoices() {
        assertEquals(TimeUnit.SECONDS, QueryParameters.enumValue("unit", "seconds", TimeUnit.class));
        assertEquals(TimeUnit.DAYS, QueryParameters.enumValue("unit", " DAYS ", TimeUnit.class));
        assertViolation(() -> QueryParameters.enumValue("unit", "fortnights", TimeUnit.class), "unit", "OneOf");
        String detail = assertThrows(RuntimeException.class,
                () -> QueryParameters.enumValue("unit", "fortnights", TimeUnit.class)).getMessage();
        assertTrue(detail.contains("MINUTES"), detail);
    }

    @Test
    void textUpToItsLength() {
        assertEquals("abc", QueryParameters.text("q", "abc", 3));
        assertViolation(() -> QueryParameters.text("q", "abcd", 3), "q", "Size");
    }

    @Test
    void wholeNumbersWithinTheirRangeOrTheDefaultWhenAbsent() {
        assertEquals(10, QueryParameters.wholeNumber("limit", null, 1, 50, 10));
        assertEquals(10, QueryParameters.wholeNumber("limit", " ", 1, 50, 10));
        assertEquals(50, QueryParameters.wholeNumber("limit", " 50 ", 1, 50, 10));
        assertNull(QueryParameters.wholeNumber("minTrl", "", 1, 9));
        assertViolation(() -> QueryParameters.wholeNumber("limit", "0", 1, 50, 10), "limit", "Range");
        assertViolation(() -> QueryParameters.wholeNumber("limit", "51", 1, 50, 10), "limit", "Range");
        assertViolation(() -> QueryParameters.wholeNumber("limit", "2.5", 1, 50, 10), "limit", "Range");
        assertViolation(() -> QueryParameters.wholeNumber("minTrl", "九", 1, 9), "minTrl", "Range");
        String detail = assertThrows(RuntimeException.class,
                () -> QueryParameters.wholeNumber("limit", "99999999999", 1, 100, 20)).getMessage();
        assertTrue(detail.contains("from 1 to 100"), detail);
    }

    @Test
    void numbersWithinTheirRange() {
        assertNull(QueryParameters.number("minScore", null, 0, 1));
        assertEquals(0.75, QueryParameters.number("minScore", "0.75", 0, 1));
        assertViolation(() -> QueryParameters.number("minScore", "1.5", 0, 1), "minScore", "Range");
        assertViolation(() -> QueryParameters.number("minScore", "high", 0, 1), "minScore", "Range");
        String detail = assertThrows(RuntimeException.class,
                () -> QueryParameters.number("minScore", "-1", 0, 1)).getMessage();
        assertTrue(detail.contains("from 0 to 1"), detail);
    }

    @Test
    void datesAsIsoDaysOrTodayInTheGivenZone() {
        ZoneId shanghai = ZoneId.of("Asia/Shanghai");
        assertNull(QueryParameters.date("dueBy", " ", shanghai));
        assertEquals(LocalDate.of(2026, 12, 31), QueryParameters.date("dueBy", "2026-12-31", shanghai));
        LocalDate before = LocalDate.now(shanghai);
        LocalDate today = QueryParameters.date("dueBy", "today", shanghai);
        assertTrue(!today.isBefore(before) && !today.isAfter(LocalDate.now(shanghai)), today.toString());
        assertViolation(() -> QueryParameters.date("dueBy", "2026-02-30", shanghai), "dueBy", "Date");
        assertViolation(() -> QueryParameters.date("dueBy", "tomorrow", shanghai), "dueBy", "Date");
    }

    @Test
    void booleansAreTrueOrFalseOnly() {
        assertEquals(false, QueryParameters.bool("includeWeak", null, false));
        assertEquals(true, QueryParameters.bool("includeWeak", " true ", false));
        assertEquals(false, QueryParameters.bool("includeWeak", "false", true));
        assertViolation(() -> QueryParameters.bool("includeWeak", "yes", false), "includeWeak", "Boolean");
    }
}
