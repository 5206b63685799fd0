package io.techbridge.commons.api;

import io.techbridge.commons.domain.RegionCode;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.commons.problem.Problems;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
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

    /** A whole number from {@code min} to {@code max}; {@code absent} when not given. */
    public static int wholeNumber(String name, String value, int min, int max, int absent) {
        Integer n = wholeNumber(name, value, min, max);
        return n == null ? absent : n;
    }

    /** A whole number from {@code min} to {@code max}, or null when not given. */
    public static Integer wholeNumber(String name, String value, int min, int max) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidQuery(name, "Range", "must be a whole number from " + min + " to " + max);
    }

    /** A number from {@code min} to {@code max}, or null when not given. */
    public static Double number(String name, String value, double min, double max) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        try {
            double n = Double.parseDouble(text);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw Problems.invalidQuery(name, "Range", "must be a number from " + format(min) + " to " + format(max));
    }

    /** A day as yyyy-mm-dd, or {@code today} in the given zone; null when not given. */
    public static LocalDate date(String name, String value, ZoneId zone) {
        String text = blankToNull(value);
        if (text == null) {
            return null;
        }
        if (text.equals("today")) {
            return LocalDate.now(zone);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidQuery(name, "Date", "must be today or a date yyyy-mm-dd");
        }
    }

    /** true or false; {@code absent} when not given. */
    public static boolean bool(String name, String value, boolean absent) {
        String text = blankToNull(value);
        if (text == null) {
            return absent;
        }
        return switch (text) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalidQuery(name, "Boolean", "must be true or false");
        };
    }

    private static String format(double bound) {
        return bound == Math.rint(bound) ? String.valueOf((long) bound) : String.valueOf(bound);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
