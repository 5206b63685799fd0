package io.techbridge.achievement.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The header of an import: which column of the sheet holds which part of an achievement, by the
 * Chinese column names of the official registration forms. A name may carry a required mark ({@code *})
 * or a unit in brackets ({@code 转让价格（万元）}).
 */
public final class ImportColumns {

    /** The parts of an achievement a column can hold. */
    public enum Target {
        TITLE(true, "成果名称"),
        SUMMARY(true, "成果简介"),
        KEYWORDS(true, "关键词"),
        FIELD(true, "技术领域"),
        STAGE(false, "成果所处阶段"),
        TRL(false, "技术成熟度", "TRL"),
        IP_FORMS(false, "知识产权形式"),
        PATENT_NUMBERS(false, "专利号"),
        TRANSFER_MODES(true, "转化方式"),
        PRICE(true, "转让价格", "价格"),
        ADVANTAGES(false, "技术优势"),
        REGION(true, "所在地区", "地区代码"),
        INSTITUTION(true, "完成单位"),
        INVENTORS(false, "完成人"),
        CONTACT_NAME(true, "联系人"),
        CONTACT_PHONE(false, "联系电话"),
        CONTACT_EMAIL(false, "电子邮箱");

        final boolean required;
        final List<String> names;

        Target(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }

        /** The name used in messages when the sheet has no such column. */
        public String displayName() {
            return names.getFirst();
        }
    }

    /** A header that cannot be imported: the columns it lacks or does not know. */
    public record HeaderProblem(String message, List<String> columns) {
    }

    private static final Map<String, Target> BY_NAME = new LinkedHashMap<>();

    static {
        for (Target target : Target.values()) {
            for (String name : target.names) {
                BY_NAME.put(normalise(name), target);
            }
        }
    }

    private final Map<Target, Integer> index;
    private final Map<Target, String> names;

    private ImportColumns(Map<Target, Integer> index, Map<Target, String> names) {
        this.index = index;
        this.names = names;
    }

    /** The columns of this header, or what is wrong with it (unknown, repeated or missing columns). */
    public static Result of(List<String> header) {
        Map<Target, Integer> index = new EnumMap<>(Target.class);
        Map<Target, String> names = new EnumMap<>(Target.class);
        List<String> unknown = new ArrayList<>();
        List<String> repeated = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String raw = header.get(i);
            if (raw.isBlank()) {
                continue;
            }
            Target target = BY_NAME.get(normalise(raw));
            if (target == null) {
                unknown.add(raw);
            } else if (index.putIfAbsent(target, i) != null) {
                repeated.add(raw);
            } else {
                names.put(target, raw);
            }
        }
        if (!unknown.isEmpty()) {
            return Result.problem(new HeaderProblem("unknown column(s) " + String.join(", ", unknown)
                    + "; known columns are " + String.join(", ", BY_NAME.keySet()), unknown));
        }
        if (!repeated.isEmpty()) {
            return Result.problem(new HeaderProblem("column(s) given twice: " + String.join(", ", repeated), repeated));
        }
        List<String> missing = new ArrayList<>();
        for (Target target : Target.values()) {
            if (target.required && !index.containsKey(target)) {
                missing.add(target.displayName());
            }
        }
        if (!index.containsKey(Target.STAGE) && !index.containsKey(Target.TRL)) {
            missing.add(Target.TRL.displayName() + " or " + Target.STAGE.displayName());
        }
        if (!index.containsKey(Target.CONTACT_PHONE) && !index.containsKey(Target.CONTACT_EMAIL)) {
            missing.add(Target.CONTACT_PHONE.displayName() + " or " + Target.CONTACT_EMAIL.displayName());
        }
        if (!missing.isEmpty()) {
            return Result.problem(new HeaderProblem("missing required column(s) " + String.join(", ", missing), missing));
        }
        return new Result(new ImportColumns(index, names), null);
    }

    /** The columns, or the problem. */
    public record Result(ImportColumns columns, HeaderProblem problem) {
        static Result problem(HeaderProblem problem) {
            return new Result(null, problem);
        }
    }

    public boolean has(Target target) {
        return index.containsKey(target);
    }

    /** The cell of this column in the row; empty when the column is absent or the cell blank. */
    public Optional<String> cell(List<String> cells, Target target) {
        Integer i = index.get(target);
        if (i == null || i >= cells.size() || cells.get(i).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cells.get(i));
    }

    /** The column's name as written in the sheet (or its standard name when the sheet has none). */
    public String name(Target target) {
        return names.getOrDefault(target, target.displayName());
    }

    /** Without required marks, units in brackets and spaces; case-insensitive for TRL. */
    static String normalise(String name) {
        String n = name.replace("\uFEFF", "").strip();
        n = n.replaceAll("^[*＊]+|[*＊]+$", "");
        n = n.replaceAll("[（(][^）)]*[）)]\\s*$", "");
        return n.replaceAll("\\s+", "").toUpperCase();
    }
}
