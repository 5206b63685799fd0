package io.techbridge.commons.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FiltersTest {

    /** A province or city finds what lies below it, a district only itself. */
    @ParameterizedTest
    @CsvSource({"330000, 33", "330100, 3301", "330106, 330106", "110100, 1101"})
    void regionPrefix(String regionCode, String prefix) {
        assertEquals(prefix, Filters.regionPrefix(regionCode));
    }

    /** Lower case, and the user's wildcards and escapes match themselves. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"Graphene|%graphene%", "50%|%50\\%%", "a_b|%a\\_b%", "C:\\temp|%c:\\\\temp%",
            "石墨烯|%石墨烯%"})
    void containsPattern(String text, String pattern) {
        assertEquals(pattern, Filters.containing(text));
    }
}
