package io.techbridge.demand.imports;

import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.TransferMode;
import io.techbridge.listing.imports.Cells;
import io.techbridge.listing.imports.ImportColumns;
import io.techbridge.listing.imports.RowReader;
import io.techbridge.listing.imports.RowReader.Mapped;
import io.techbridge.demand.api.Challenge;
import io.techbridge.demand.api.DemandRequest;
import io.techbridge.demand.domain.Confidentiality;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.techbridge.demand.imports.DemandColumn.*;

/**
 * Turns one row of a sheet into the same request a POST sends, and checks it with the same rules
 * (Bean Validation of {@link DemandRequest} in the create group). Problems are reported per column,
 * by the column's name in the sheet.
 */
public final class DemandRowMapper implements Function<List<String>, Mapped<DemandRequest>> {

    /** 2027-06-30, 2027/6/30, 2027.6.30, 2027年6月30日. */
    private static final Pattern YEAR_FIRST = Pattern.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?$");
    /** 6/30/27 or 6/30/2027: how a date cell in Excel's default short-date format is shown. */
    private static final Pattern MONTH_FIRST = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})$");
    private static final Pattern TRL_VALUE = Pattern.compile("^(?i:TRL)?\\s*(\\d{1,2})(?:\\.0+)?(?:级)?$");

    private static final Map<String, TransferMode> COOPERATION_MODE_NAMES = Map.ofEntries(
            Map.entry("转让", TransferMode.ASSIGNMENT), Map.entry("技术转让", TransferMode.ASSIGNMENT),
            Map.entry("许可", TransferMode.LICENSE), Map.entry("技术许可", TransferMode.LICENSE),
            Map.entry("许可使用", TransferMode.LICENSE),
            Map.entry("作价入股", TransferMode.EQUITY), Map.entry("技术入股", TransferMode.EQUITY),
            Map.entry("合作开发", TransferMode.JOINT_DEVELOPMENT), Map.entry("联合开发", TransferMode.JOINT_DEVELOPMENT),
            Map.entry("委托开发", TransferMode.JOINT_DEVELOPMENT), Map.entry("联合攻关", TransferMode.JOINT_DEVELOPMENT),
            Map.entry("技术服务", TransferMode.TECHNICAL_SERVICE), Map.entry("技术咨询", TransferMode.TECHNICAL_SERVICE));
    private static final Map<String, Confidentiality> CONFIDENTIALITY_NAMES = Map.of(
            "公开", Confidentiality.PUBLIC, "可公开", Confidentiality.PUBLIC,
            "仅经纪人可见", Confidentiality.BROKERS_ONLY, "保密", Confidentiality.BROKERS_ONLY,
            "不公开", Confidentiality.BROKERS_ONLY);
    private static final Map<String, Integer> STAGES = Map.of("初期", 3, "中期", 5, "成熟", 7);

    private final ImportColumns<DemandColumn> columns;
    private final Validator validator;

    public DemandRowMapper(ImportColumns<DemandColumn> columns, Validator validator) {
        this.columns = columns;
        this.validator = validator;
    }

    @Override
    public Mapped<DemandRequest> apply(List<String> cells) {
        RowReader<DemandColumn> row = new RowReader<>(columns, cells);
        Contact contact = new Contact(row.textOrNull(CONTACT_NAME), row.textOrNull(CONTACT_PHONE),
                row.textOrNull(CONTACT_EMAIL));
        DemandRequest request = new DemandRequest(null, null,
                row.textOrNull(ENTERPRISE),
                row.textOrNull(TITLE),
                row.textOrNull(PROBLEM),
                row.textOrNull(INDICATORS),
                row.read(FIELD, Cells::fieldCode),
                row.read(KEYWORDS, Cells::split),
                row.read(BUDGET, Cells::wanRange),
                row.read(VALID_UNTIL, DemandRowMapper::date),
                row.textOrNull(REGION),
                row.read(COOPERATION_MODES, v -> Cells.enumList(v, COOPERATION_MODE_NAMES, TransferMode.class)),
                row.read(MIN_TRL, DemandRowMapper::minTrl),
                row.read(CONFIDENTIALITY, v -> Cells.oneOf(v, CONFIDENTIALITY_NAMES, Confidentiality.class)),
                challenge(row),
                contact);
        return row.validated(request, validator, this::columnOf, DemandRequest.OnCreate.class);
    }

    /** The row's open challenge, when any of its cells is filled in; the create's validation judges it whole. */
    private static Challenge challenge(RowReader<DemandColumn> row) {
        List<DemandColumn> cells = List.of(CHALLENGE_GOAL, CHALLENGE_INDICATORS, BOUNTY, APPLICATION_DEADLINE,
                JUDGING_DEADLINE);
        if (cells.stream().allMatch(c -> row.text(c).isEmpty())) {
            return null;
        }
        return new Challenge(row.textOrNull(CHALLENGE_GOAL), row.textOrNull(CHALLENGE_INDICATORS),
                row.read(BOUNTY, DemandRowMapper::bounty), row.read(APPLICATION_DEADLINE, DemandRowMapper::date),
                row.read(JUDGING_DEADLINE, DemandRowMapper::date));
    }

    /** One amount in 万元 (200, 200万元). */
    static Long bounty(String value) {
        MoneyRange amount;
        try {
            amount = Cells.wanRange(value);
        } catch (Cells.Unreadable e) {
            amount = null;
        }
        if (amount == null || amount.negotiable() || !Objects.equals(amount.minCny(), amount.maxCny())) {
            throw new Cells.Unreadable(value, "must be one amount in 万元 such as 200");
        }
        return amount.minCny();
    }

    static LocalDate date(String value) {
        try {
            Matcher m = YEAR_FIRST.matcher(value.strip());
            if (m.matches()) {
                return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                        Integer.parseInt(m.group(3)));
            }
            m = MONTH_FIRST.matcher(value.strip());
            if (m.matches()) {
                int year = Integer.parseInt(m.group(3));
                return LocalDate.of(year < 100 ? 2000 + year : year, Integer.parseInt(m.group(1)),
                        Integer.parseInt(m.group(2)));
            }
        } catch (DateTimeException impossible) {
            // 2027-02-30 and the like: reported below like any unreadable date.
        }
        throw new Cells.Unreadable(value, "is not a date such as 2027-06-30, 2027/6/30 or 2027年6月30日");
    }

    /** A TRL 1–9 (6, TRL6), a stage (初期 → 3, 中期 → 5, 成熟 → 7), or 不限 (none). */
    static Integer minTrl(String value) {
        String v = value.strip();
        if (v.equals("不限") || v.equals("无")) {
            return null;
        }
        Matcher m = TRL_VALUE.matcher(v);
        if (m.matches()) {
            return Integer.valueOf(m.group(1));
        }
        Integer stage = STAGES.get(v.replace("阶段", "").strip());
        if (stage == null) {
            throw new Cells.Unreadable(value, "must be a technology readiness level 1 to 9, 初期, 中期, 成熟 or 不限");
        }
        return stage;
    }

    private DemandColumn columnOf(Path path) {
        List<String> names = RowReader.names(path);
        String second = names.size() > 1 ? names.get(1) : null;
        return switch (names.getFirst()) {
            case "enterprise" -> ENTERPRISE;
            case "title" -> TITLE;
            case "problem" -> PROBLEM;
            case "indicators" -> INDICATORS;
            case "fieldCode" -> FIELD;
            case "keywords" -> KEYWORDS;
            case "budget" -> BUDGET;
            case "validUntil" -> VALID_UNTIL;
            case "regionCode" -> REGION;
            case "cooperationModes" -> COOPERATION_MODES;
            case "minTrl" -> MIN_TRL;
            case "confidentiality" -> CONFIDENTIALITY;
            case "challenge" -> switch (second == null ? "" : second) {
                case "indicators" -> CHALLENGE_INDICATORS;
                case "bountyCny" -> BOUNTY;
                case "applicationDeadline" -> APPLICATION_DEADLINE;
                case "judgingDeadline" -> JUDGING_DEADLINE;
                default -> CHALLENGE_GOAL;
            };
            case "contact" -> "email".equals(second) ? CONTACT_EMAIL
                    : "phone".equals(second) ? (columns.has(CONTACT_PHONE) || !columns.has(CONTACT_EMAIL)
                            ? CONTACT_PHONE : CONTACT_EMAIL)
                    : CONTACT_NAME;
            default -> throw new IllegalStateException("no column for " + path);
        };
    }
}
