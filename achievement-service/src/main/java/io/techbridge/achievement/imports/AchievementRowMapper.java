package io.techbridge.achievement.imports;

import io.techbridge.achievement.api.AchievementRequest;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.domain.IpForm;
import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.TransferMode;
import io.techbridge.listing.imports.Cells;
import io.techbridge.listing.imports.ImportColumns;
import io.techbridge.listing.imports.RowReader;
import io.techbridge.listing.imports.RowReader.Mapped;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.techbridge.achievement.imports.AchievementColumn.*;

/**
 * Turns one row of a sheet into the same request a POST sends, and checks it with the same rules
 * (Bean Validation of {@link AchievementRequest} in the create group). Problems are reported per
 * column, by the column's name in the sheet.
 */
public final class AchievementRowMapper implements Function<List<String>, Mapped<AchievementRequest>> {

    private static final Pattern TRL_VALUE = Pattern.compile("^(?i:TRL)?\\s*(\\d{1,2})(?:\\.0+)?$");

    private static final Map<String, TransferMode> TRANSFER_MODE_NAMES = Map.of(
            "转让", TransferMode.ASSIGNMENT, "技术转让", TransferMode.ASSIGNMENT,
            "许可", TransferMode.LICENSE, "技术许可", TransferMode.LICENSE, "许可使用", TransferMode.LICENSE,
            "作价入股", TransferMode.EQUITY, "作价投资", TransferMode.EQUITY,
            "合作开发", TransferMode.JOINT_DEVELOPMENT, "技术服务", TransferMode.TECHNICAL_SERVICE);
    private static final Map<String, IpForm> IP_FORM_NAMES = Map.ofEntries(
            Map.entry("发明专利", IpForm.INVENTION_PATENT), Map.entry("实用新型", IpForm.UTILITY_MODEL),
            Map.entry("实用新型专利", IpForm.UTILITY_MODEL), Map.entry("外观设计", IpForm.DESIGN),
            Map.entry("外观设计专利", IpForm.DESIGN), Map.entry("软件著作权", IpForm.SOFTWARE_COPYRIGHT),
            Map.entry("计算机软件著作权", IpForm.SOFTWARE_COPYRIGHT), Map.entry("软著", IpForm.SOFTWARE_COPYRIGHT),
            Map.entry("植物新品种", IpForm.PLANT_VARIETY), Map.entry("技术秘密", IpForm.KNOW_HOW),
            Map.entry("专有技术", IpForm.KNOW_HOW), Map.entry("其他", IpForm.OTHER), Map.entry("其它", IpForm.OTHER));
    private static final Map<String, Integer> STAGES = Map.of("初期", 3, "中期", 5, "成熟", 7);

    private final ImportColumns<AchievementColumn> columns;
    private final Validator validator;

    public AchievementRowMapper(ImportColumns<AchievementColumn> columns, Validator validator) {
        this.columns = columns;
        this.validator = validator;
    }

    @Override
    public Mapped<AchievementRequest> apply(List<String> cells) {
        RowReader<AchievementColumn> row = new RowReader<>(columns, cells);
        String fieldCode = row.read(FIELD, Cells::fieldCode);
        Integer trl = columns.has(TRL) ? row.read(TRL, AchievementRowMapper::trl) : row.read(STAGE, AchievementRowMapper::stage);
        List<IpForm> ipForms = row.read(IP_FORMS, v -> Cells.enumList(v, IP_FORM_NAMES, IpForm.class));
        List<TransferMode> transferModes = row.read(TRANSFER_MODES,
                v -> Cells.enumList(v, TRANSFER_MODE_NAMES, TransferMode.class));
        Contact contact = new Contact(row.textOrNull(CONTACT_NAME), row.textOrNull(CONTACT_PHONE),
                row.textOrNull(CONTACT_EMAIL));
        AchievementRequest request = new AchievementRequest(null, AchievementStatus.DRAFT, null,
                row.textOrNull(INSTITUTION),
                row.textOrNull(TITLE),
                row.textOrNull(SUMMARY),
                row.read(KEYWORDS, Cells::split),
                fieldCode, trl, ipForms,
                row.read(PATENT_NUMBERS, Cells::split),
                transferModes, row.read(PRICE, Cells::wanRange), null,
                row.textOrNull(ADVANTAGES),
                row.textOrNull(REGION),
                row.read(INVENTORS, Cells::split),
                contact);
        return row.validated(request, validator, this::columnOf, AchievementRequest.OnCreate.class);
    }

    private static Integer trl(String value) {
        Matcher m = TRL_VALUE.matcher(value);
        if (!m.matches()) {
            throw new Cells.Unreadable(value, "is not a technology readiness level 1 to 9");
        }
        return Integer.valueOf(m.group(1));
    }

    private static Integer stage(String value) {
        Integer trl = STAGES.get(value.replace("阶段", "").strip());
        if (trl == null) {
            throw new Cells.Unreadable(value, "must be 初期, 中期 or 成熟");
        }
        return trl;
    }

    private AchievementColumn columnOf(Path path) {
        List<String> names = RowReader.names(path);
        String second = names.size() > 1 ? names.get(1) : null;
        return switch (names.getFirst()) {
            case "title" -> TITLE;
            case "summary" -> SUMMARY;
            case "keywords" -> KEYWORDS;
            case "fieldCode" -> FIELD;
            case "trl" -> columns.has(TRL) ? TRL : STAGE;
            case "ipForms" -> IP_FORMS;
            case "patentNumbers" -> PATENT_NUMBERS;
            case "transferModes" -> TRANSFER_MODES;
            case "askingPrice" -> PRICE;
            case "advantages" -> ADVANTAGES;
            case "regionCode" -> REGION;
            case "institution" -> INSTITUTION;
            case "inventors" -> INVENTORS;
            case "contact" -> "email".equals(second) ? CONTACT_EMAIL
                    : "phone".equals(second) ? (columns.has(CONTACT_PHONE) || !columns.has(CONTACT_EMAIL)
                            ? CONTACT_PHONE : CONTACT_EMAIL)
                    : CONTACT_NAME;
            default -> throw new IllegalStateException("no column for " + path);
        };
    }
}
