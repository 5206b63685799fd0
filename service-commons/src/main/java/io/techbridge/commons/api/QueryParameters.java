package io.techbridge.commons.api;

import io.techbridge.commons.domain.RegionCode;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.commons.problem.Problems;

import java.util.Arrays;

/** Checks of listing filters, each answering a 400 that names the parameter. Blank means absent. */
public final class QueryParameters {

    private QueryParameters() {
    }

    public static String fieldCode(String name, String value) {
        String code = blankToNull(value);
        if (code != null && !TechnicalField.exists(code)) {
            throw Problems.invalidQuery(name, "FieldCode", "must be a technical-field code such as 04 or 04.03");
        }
        return code;
    }

    public static String regionCode(String name, String value) {
        String code = blankToNull(value);
        if (code != null && !new RegionCode.Validator().isValid(code, null)) {
            throw Problems.invalidQuery(name, "RegionCode", "must be a six-digit GB/T 2260 region code such as 330100");
        }
        return code;
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.toUpperCase());
        } catch (IllegalArgumentException e) {
            throw Problems.invalidQuery(name, "OneOf", "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static String text(String name, String value, int maxLength) {
        String text = blankToNull(value);
        if (text != null && text.length() > maxLength) {
            throw Problems.invalidQuery(name, "Size", "must be at most " + maxLength + " characters");
        }
        return text;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
