package io.techbridge.commons.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.techbridge.commons.problem.Problems;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JSON every service reads, as its object mapper is customised. */
class StrictJsonTest {

    record Due(LocalDate due, String note) {
    }

    private final ObjectMapper mapper = strict(false);

    /** Quarkus registers its own modules after the customisers run, or before. */
    private static ObjectMapper strict(boolean javaTimeLast) {
        ObjectMapper mapper = new ObjectMapper();
        if (!javaTimeLast) {
            mapper.registerModule(new JavaTimeModule());
        }
        new StrictJson().customize(mapper);
        if (javaTimeLast) {
            mapper.registerModule(new JavaTimeModule());
        }
        return mapper;
    }

    @Test
    void aDateOfTheYearsZeroToNineThousandNineHundredNinetyNineIsRead() throws JsonProcessingException {
        for (String date : new String[] {"2027-06-30", "9999-12-31", "0000-01-01", "2028-02-29"}) {
            assertEquals(LocalDate.parse(date), mapper.readValue("{\"due\":\"" + date + "\"}", Due.class).due());
        }
    }

    /** The date parser takes them, but PostgreSQL's date ends in 5874897: they were a 500 when stored. */
    @Test
    void aDateWhoseYearIsNotFourDigitsIsRefusedNamingTheMember() {
        for (ObjectMapper strict : new ObjectMapper[] {mapper, strict(true)}) {
            for (String date : new String[] {"+999999999-12-31", "+10000-01-01", "-0001-01-01", "-999999999-01-01"}) {
                InvalidFormatException refused = assertThrows(InvalidFormatException.class,
                        () -> strict.readValue("{\"due\":\"" + date + "\"}", Due.class), date);
                assertEquals("due", refused.getPath().getFirst().getFieldName());
                assertEquals(LocalDate.class, refused.getTargetType());
            }
        }
    }

    @Test
    void aMalformedDateIsStillRefusedAsBefore() {
        assertThrows(InvalidFormatException.class, () -> mapper.readValue("{\"due\":\"2026-13-45\"}", Due.class));
    }

    @Test
    void aMemberGivenTwiceIsRefused() {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"note\":\"a\",\"note\":\"b\"}", Due.class));
        assertTrue(refused.getOriginalMessage().startsWith("Duplicate field 'note'"), refused.getOriginalMessage());
    }

    @Test
    void aNulCharacterIsRefused() {
        JsonProcessingException refused = assertThrows(JsonProcessingException.class,
                () -> mapper.readValue("{\"note\":\"a\\u0000b\"}", Due.class));
        assertEquals(Problems.NUL_CHARACTER, refused.getOriginalMessage());
    }

    @Test
    void controlCharactersLoneSurrogatesAndBidiControlsAreRefusedButTabsLineBreaksAndPairsPass() throws Exception {
        for (String refused : java.util.List.of("a\\u0007b", "a\\u001bb", "a\\u007fb", "a\\u009fb", "a\\ud800b",
                "a\\udc00b", "a\\u202eb", "a\\u2066b")) {
            JsonProcessingException e = assertThrows(JsonProcessingException.class,
                    () -> mapper.readValue("{\"note\":\"" + refused + "\"}", Due.class), refused);
            assertTrue(TextCharacters.byMessage(e.getOriginalMessage()) != null, e.getOriginalMessage());
        }
        assertEquals("a\tb\nc\r\uD83D\uDD2C\u200f", mapper.readValue("{\"note\":\"a\\tb\\nc\\r\\ud83d\\udd2c\\u200f\"}", Due.class).note());
    }
}
