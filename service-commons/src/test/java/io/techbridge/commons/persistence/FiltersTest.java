package io.techbridge.commons.persistence;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FiltersTest {

    @Test
    void aProvinceOrCityFindsWhatLiesBelowItADistrictOnlyItself() {
        assertEquals("33", Filters.regionPrefix("330000"));
        assertEquals("3301", Filters.regionPrefix("330100"));
        assertEquals("330106", Filters.regionPrefix("330106"));
        assertEquals("1101", Filters.regionPrefix("110100"));
    }

    @Test
    void containsPatternLowerCasesAndEscapesTheWildcardsOfTheUser() {
        assertEquals("%graphene%", Filters.containing("Graphene"));
        assertEquals("%50\\%%", Filters.containing("50%"));
        assertEquals("%a\\_b%", Filters.containing("a_b"));
        assertEquals("%c:\\\\temp%", Filters.containing("C:\\temp"));
        assertEquals("%石墨烯%", Filters.containing("石墨烯"));
    }
}
