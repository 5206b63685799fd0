package io.techbridge.achievement.imports;

import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.domain.IpForm;
import io.techbridge.achievement.imports.ImportColumns.Target;
import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.commons.domain.TransferMode;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns one row of a sheet into the same request a POST sends, and checks it with the same rules
 * (Bean Validation of {@link AchievementRequest} in the create group). Problems are reported per
 * column, by the column's name in the sheet.
 */
public final class RowMapper {

    /** A problem with one cell of a row. */
    public record CellError(String column, String message) {
    }

    /** The request of a row, or what is wrong with it (then there is no request). */
    public record Mapped(AchievementRequest request, List<CellError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static final Pattern LIST_SEPARATORS = Pattern.compile("[，,；;、\\s]+");
    private static final Pattern FIELD_CODE = Pattern.compile("^(\\d{1,2})(?:\\.(\\d{1,2}))?$");
    private static final Pattern TRL = Pattern.compile("^(?i:TRL)?\\s*(\\d{1,2})(?:\\.0+)?$");
    private static final Pattern WAN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern PRICE_RANGE = Pattern.compile(
            "^(\\d+(?:\\.\\d+)?)\\s*(?:[-~～—–至到]+\\s*(\\d+(?:\\.\\d+)?))?$");
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private static final Map<String, TransferMode> TRANSFER_MODES = Map.of(
            "转让", TransferMode.ASSIGNMENT, "技术转让", TransferMode.ASSIGNMENT,
            "许可", TransferMode.LICENSE, "技术许可", TransferMode.LICENSE, "许可使用", TransferMode.LICENSE,
            "作价入股", TransferMode.EQUITY, "作价投资", TransferMode.EQUITY,
            "合作开发", TransferMode.JOINT_DEVELOPMENT, "技术服务", TransferMode.TECHNICAL_SERVICE);
    private static final Map<String, IpForm> IP_FORMS = Map.ofEntries(
            Map.entry("发明专利", IpForm.INVENTION_PATENT), Map.entry("实用新型", IpForm.UTILITY_MODEL),
            Map.entry("实用新型专利", IpForm.UTILITY_MODEL), Map.entry("外观设计", IpForm.DESIGN),
            Map.entry("外观设计专利", IpForm.DESIGN), Map.entry("软件著作权", IpForm.SOFTWARE_COPYRIGHT),
            Map.entry("计算机软件著作权", IpForm.SOFTWARE_COPYRIGHT), Map.entry("软著", IpForm.SOFTWARE_COPYRIGHT),
            Map.entry("植物新品种", IpForm.PLANT_VARIETY), Map.entry("技术秘密", IpForm.KNOW_HOW),
            Map.entry("专有技术", IpForm.KNOW_HOW), Map.entry("其他", IpForm.OTHER), Map.entry("其它", IpForm.OTHER));
    private static final Map<String, Integer> STAGES = Map.of("初期", 3, "中期", 5, "成熟", 7);
    private static final Map<String, String> FIELD_BY_NAME = new LinkedHashMap<>();

    static {
        for (TechnicalField field : TechnicalField.all()) {
            FIELD_BY_NAME.putIfAbsent(field.nameZh(), field.code());
        }
    }

    private final ImportColumns columns;
    private final Validator validator;

    public RowMapper(ImportColumns columns, Validator validator) {
        this.columns = columns;
        this.validator = validator;
    }

    public Mapped map(List<String> cells) {
        Map<Target, String> errors = new LinkedHashMap<>();
        String fieldCode = cell(cells, Target.FIELD).map(v -> fieldCode(v, errors)).orElse(null);
        Integer trl = trl(cells, errors);
        List<IpForm> ipForms = cell(cells, Target.IP_FORMS)
                .map(v -> enumList(v, IP_FORMS, IpForm.class, Target.IP_FORMS, errors)).orElse(null);
        List<TransferMode> transferModes = cell(cells, Target.TRANSFER_MODES)
                .map(v -> enumList(v, TRANSFER_MODES, TransferMode.class, Target.TRANSFER_MODES, errors)).orElse(null);
        MoneyRange price = cell(cells, Target.PRICE).map(v -> price(v, errors)).orElse(null);
        Contact contact = new Contact(cell(cells, Target.CONTACT_NAME).orElse(null),
                cell(cells, Target.CONTACT_PHONE).orElse(null), cell(cells, Target.CONTACT_EMAIL).orElse(null));
        AchievementRequest request = new AchievementRequest(null, AchievementStatus.DRAFT, null,
                cell(cells, Target.INSTITUTION).orElse(null),
                cell(cells, Target.TITLE).orElse(null),
                cell(cells, Target.SUMMARY).orElse(null),
                cell(cells, Target.KEYWORDS).map(RowMapper::split).orElse(null),
                fieldCode, trl, ipForms,
                cell(cells, Target.PATENT_NUMBERS).map(RowMapper::split).orElse(null),
                transferModes, price, null,
                cell(cells, Target.ADVANTAGES).orElse(null),
                cell(cells, Target.REGION).orElse(null),
                cell(cells, Target.INVENTORS).map(RowMapper::split).orElse(null),
                contact);

        // The same rules as a POST; a cell that could not be read is reported once, not again as missing.
        List<ConstraintViolation<AchievementRequest>> violations = new ArrayList<>(
                validator.validate(request, AchievementRequest.OnCreate.class));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        Set<Target> unreadable = Set.copyOf(errors.keySet());
        for (ConstraintViolation<AchievementRequest> violation : violations) {
            Target target = targetOf(violation.getPropertyPath());
            if (unreadable.contains(target)) {
                continue;
            }
            errors.merge(target, describe(violation), (a, b) -> a.contains(b) ? a : a + "; " + b);
        }
        if (errors.isEmpty()) {
            return new Mapped(request, List.of());
        }
        List<CellError> list = errors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new CellError(columns.name(e.getKey()), e.getValue()))
                .toList();
        return new Mapped(null, list);
    }

    private Optional<String> cell(List<String> cells, Target target) {
        return columns.cell(cells, target);
    }

    private Integer trl(List<String> cells, Map<Target, String> errors) {
        if (columns.has(Target.TRL)) {
            return cell(cells, Target.TRL).map(value -> {
                Matcher m = TRL.matcher(value);
                if (!m.matches()) {
                    errors.put(Target.TRL, unreadable(value, "is not a technology readiness level 1 to 9"));
                    return null;
                }
                return Integer.valueOf(m.group(1));
            }).orElse(null);
        }
        return cell(cells, Target.STAGE).map(value -> {
            Integer trl = STAGES.get(value.replace("阶段", "").strip());
            if (trl == null) {
                errors.put(Target.STAGE, unreadable(value, "must be 初期, 中期 or 成熟"));
            }
            return trl;
        }).orElse(null);
    }

    /** A code (04.02, also 4.2 as Excel shows a number) or the Chinese name of a field or sub-field. */
    private static String fieldCode(String value, Map<Target, String> errors) {
        Matcher m = FIELD_CODE.matcher(value);
        String code;
        if (m.matches()) {
            code = pad(m.group(1)) + (m.group(2) == null ? "" : "." + pad(m.group(2)));
        } else {
            code = FIELD_BY_NAME.get(value);
        }
        if (code == null || !TechnicalField.exists(code)) {
            errors.put(Target.FIELD, unreadable(value,
                    "is neither a technical field code such as 04.02 nor the name of a field or sub-field"));
            return null;
        }
        return code;
    }

    private static String pad(String digits) {
        return digits.length() == 1 ? "0" + digits : digits;
    }

    private static <E extends Enum<E>> List<E> enumList(String value, Map<String, E> byName, Class<E> type,
            Target target, Map<Target, String> errors) {
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
            errors.put(target, unreadable(String.join("、", unknown), "is not one of "
                    + String.join("、", Set.copyOf(byName.keySet()).stream().sorted().toList())));
            return null;
        }
        return result;
    }

    /** 面议, a price in 万元 (50) or a range (50-200), optionally followed by 万元 or 万. */
    private static MoneyRange price(String value, Map<Target, String> errors) {
        String v = value.replace("万元", "").replace("万", "").replace(" ", "").strip();
        if (v.equals("面议") || v.equals("价格面议")) {
            return MoneyRange.negotiableOnly();
        }
        Matcher m = PRICE_RANGE.matcher(v);
        if (!m.matches()) {
            errors.put(Target.PRICE, unreadable(value, "must be 面议, an amount in 万元 such as 50 or a range such as 50-200"));
            return null;
        }
        Long min = cny(m.group(1));
        Long max = m.group(2) == null ? min : cny(m.group(2));
        return new MoneyRange(min, max, false);
    }

    private static Long cny(String wan) {
        return new BigDecimal(wan).multiply(TEN_THOUSAND).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    static List<String> split(String value) {
        return Arrays.stream(LIST_SEPARATORS.split(value.strip())).filter(s -> !s.isBlank()).toList();
    }

    private Target targetOf(Path path) {
        String first = path.iterator().next().getName();
        String second = null;
        var nodes = path.iterator();
        nodes.next();
        if (nodes.hasNext()) {
            second = nodes.next().getName();
        }
        return switch (first) {
            case "title" -> Target.TITLE;
            case "summary" -> Target.SUMMARY;
            case "keywords" -> Target.KEYWORDS;
            case "fieldCode" -> Target.FIELD;
            case "trl" -> columns.has(Target.TRL) ? Target.TRL : Target.STAGE;
            case "ipForms" -> Target.IP_FORMS;
            case "patentNumbers" -> Target.PATENT_NUMBERS;
            case "transferModes" -> Target.TRANSFER_MODES;
            case "askingPrice" -> Target.PRICE;
            case "advantages" -> Target.ADVANTAGES;
            case "regionCode" -> Target.REGION;
            case "institution" -> Target.INSTITUTION;
            case "inventors" -> Target.INVENTORS;
            case "contact" -> "email".equals(second) ? Target.CONTACT_EMAIL
                    : "phone".equals(second) ? (columns.has(Target.CONTACT_PHONE) || !columns.has(Target.CONTACT_EMAIL)
                            ? Target.CONTACT_PHONE : Target.CONTACT_EMAIL)
                    : Target.CONTACT_NAME;
            default -> throw new IllegalStateException("no column for " + path);
        };
    }

    private static String describe(ConstraintViolation<AchievementRequest> violation) {
        Object value = violation.getInvalidValue();
        if (value instanceof CharSequence || value instanceof Number) {
            return "\"" + value + "\" " + violation.getMessage();
        }
        return violation.getMessage();
    }

    private static String unreadable(String value, String message) {
        return "\"" + value + "\" " + message;
    }
}
