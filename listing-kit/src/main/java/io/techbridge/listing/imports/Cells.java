package io.techbridge.listing.imports;

import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TechnicalField;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Readers of the cell values registration forms share: lists, technical fields, amounts in 万元, named choices. */
public final class Cells {

    /** A cell that cannot be read; {@code value} is what the report quotes (the cell, or the part of it that is wrong). */
    public static final class Unreadable extends RuntimeException {
        private final String value;

        public Unreadable(String value, String message) {
            super(message, null, false, false);
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[，,；;、\\s]+");
    private static final Pattern FIELD_CODE = Pattern.compile("^(\\d{1,2})(?:\\.(\\d{1,2}))?$");
    private static final Pattern WAN_RANGE = Pattern.compile(
            "^(\\d+(?:\\.\\d+)?)\\s*(?:[-~～—–至到]+\\s*(\\d+(?:\\.\\d+)?))?$");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);
    private static final Map<String, String> FIELD_BY_NAME = new LinkedHashMap<>();

    static {
        for (TechnicalField field : TechnicalField.all()) {
            FIELD_BY_NAME.putIfAbsent(field.nameZh(), field.code());
        }
    }

    private Cells() {
    }

    /** A list cell, split on {@code ，,；;、} and spaces. */
    public static List<String> split(String value) {
        return Arrays.stream(LIST_SEPARATORS.split(value.strip())).filter(s -> !s.isBlank()).toList();
    }

    /** A code (04.02, also 4.2 as Excel shows a number) or the Chinese name of a field or sub-field. */
    public static String fieldCode(String value) {
        Matcher m = FIELD_CODE.matcher(value);
        String code = m.matches()
                ? pad(m.group(1)) + (m.group(2) == null ? "" : "." + pad(m.group(2)))
                : FIELD_BY_NAME.get(value);
        if (code == null || !TechnicalField.exists(code)) {
            throw new Unreadable(value, "is neither a technical field code such as 04.02 nor the name of a field or sub-field");
        }
        return code;
    }

    /** 面议, an amount in 万元 (50) or a range (50-200), optionally followed by 万元 or 万. */
    public static MoneyRange wanRange(String value) {
        String v = value.replace("万元", "").replace("万", "").replace(" ", "").strip();
        if (v.equals("面议") || v.equals("价格面议") || v.equals("预算面议")) {
            return MoneyRange.negotiableOnly();
        }
        Matcher m = WAN_RANGE.matcher(v);
        if (!m.matches()) {
            throw new Unreadable(value, "must be 面议, an amount in 万元 such as 50 or a range such as 50-200");
        }
        Long min = cny(m.group(1));
        Long max = m.group(2) == null ? min : cny(m.group(2));
        return new MoneyRange(min, max, false);
    }

    /** A list of named choices: each part by its Chinese name or the constant's own name. */
    public static <E extends Enum<E>> List<E> enumList(String value, Map<String, E> byName, Class<E> type) {
        List<E> result = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String part : split(value)) {
            E known = byName.get(part);
            if (known == null) {
                known = Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equalsIgnoreCase(part))
                        .findFirst().orElse(null);
            }
            if (known == null) {
                unknown.add(part);
            } else {
                result.add(known);
            }
        }
        if (!unknown.isEmpty()) {
            throw new Unreadable(String.join("、", unknown), "is not one of "
                    + String.join("、", Set.copyOf(byName.keySet()).stream().sorted().toList()));
        }
        return result;
    }

    /** One named choice, by its Chinese name or the constant's own name. */
    public static <E extends Enum<E>> E oneOf(String value, Map<String, E> byName, Class<E> type) {
        List<E> parsed = enumList(value.strip().replaceAll("\\s+", ""), byName, type);
        if (parsed.size() != 1) {
            throw new Unreadable(value, "must be one of "
                    + String.join("、", Set.copyOf(byName.keySet()).stream().sorted().toList()));
        }
        return parsed.getFirst();
    }

    private static String pad(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    private static Long cny(String wan) {
        return new BigDecimal(wan).multiply(TEN_THOUSAND).setScale(0, RoundingMode.HALF_UP).longValueExact();
    }
}
