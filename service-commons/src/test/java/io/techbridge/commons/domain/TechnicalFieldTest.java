package io.techbridge.commons.domain;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TechnicalFieldTest {

    @Test
    void nineFieldsEachWithNumberedSubFields() {
        List<TechnicalField> all = TechnicalField.all();
        List<String> fields = all.stream().map(TechnicalField::code).filter(c -> c.length() == 2).toList();
        assertEquals(List.of("01", "02", "03", "04", "05", "06", "07", "08", "09"), fields);
        Set<String> codes = new HashSet<>();
        for (TechnicalField field : all) {
            assertTrue(codes.add(field.code()), "twice: " + field.code());
            assertTrue(field.code().matches("\\d{2}(\\.\\d{2})?"), field.code());
            assertFalse(field.nameZh().isBlank());
            assertFalse(field.nameEn().isBlank());
            if (field.code().length() > 2) {
                assertTrue(TechnicalField.exists(TechnicalField.topLevel(field.code())), field.code());
            }
        }
    }

    @Test
    void looksUpFieldsAndSubFields() {
        assertEquals("新材料", TechnicalField.byCode("04").orElseThrow().nameZh());
        assertEquals("高分子材料", TechnicalField.byCode("04.03").orElseThrow().nameZh());
        assertEquals("Modern agriculture", TechnicalField.byCode("09").orElseThrow().nameEn());
        assertTrue(TechnicalField.byCode("04.99").isEmpty());
        assertTrue(TechnicalField.byCode(null).isEmpty());
        assertTrue(TechnicalField.exists("08.07"));
        assertFalse(TechnicalField.exists("10"));
        assertFalse(TechnicalField.exists(null));
    }

    @Test
    void topLevelOfACode() {
        assertEquals("04", TechnicalField.topLevel("04.03"));
        assertEquals("04", TechnicalField.topLevel("04"));
        assertNull(TechnicalField.topLevel(null));
    }
}
