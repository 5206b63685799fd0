package io.techbridge.commons.api;

import org.junit.jupiter.api.Test;

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
}
