package io.techbridge.listing.imports;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The header of an import: which column of the sheet holds which part of a record, by the Chinese
 * column names of the registration forms. A name may carry a required mark ({@code *}) or a unit in
 * brackets ({@code 转让价格（万元）}).
 *
 * @param <T> the enum of the parts of the record
 */
public final class ImportColumns<T extends Enum<T> & ImportColumn> {

    /**
     * The columns of one kind of sheet: every column of the enum, plus groups of which at least one
     * column must be present (a sheet gives 技术成熟度 or 成果所处阶段, say).
     */
    public static final class Schema<T extends Enum<T> & ImportColumn> {
        private final Class<T> type;
        private final List<List<T>> atLeastOneOf;
        private final Map<String, T> byName = new LinkedHashMap<>();

        private Schema(Class<T> type, List<List<T>> atLeastOneOf) {
            this.type = type;
            this.atLeastOneOf = atLeastOneOf;
            for (T column : type.getEnumConstants()) {
                for (String name : column.names()) {
                    byName.put(normalise(name), column);
                }
            }
        }

        public static <T extends Enum<T> & ImportColumn> Schema<T> of(Class<T> type) {
            return new Schema<>(type, List.of());
        }

        /** A copy that also requires at least one of these columns. */
        @SafeVarargs
        public final Schema<T> requiringOneOf(T... columns) {
            List<List<T>> groups = new ArrayList<>(atLeastOneOf);
            groups.add(List.of(columns));
            return new Schema<>(type, groups);
        }

        /** The columns of this header, or what is wrong with it (unknown, repeated or missing columns). */
        public Result<T> read(List<String> header) {
            Map<T, Integer> index = new EnumMap<>(type);
            Map<T, String> names = new EnumMap<>(type);
            List<String> unknown = new ArrayList<>();
            List<String> repeated = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                String raw = header.get(i);
                if (raw.isBlank()) {
                    continue;
                }
                T column = byName.get(normalise(raw));
                if (column == null) {
                    unknown.add(raw);
                } else if (index.putIfAbsent(column, i) != null) {
                    repeated.add(raw);
                } else {
                    names.put(column, raw);
                }
            }
            if (!unknown.isEmpty()) {
                return Result.problem(new HeaderProblem("unknown column(s) " + String.join(", ", unknown)
                        + "; known columns are " + String.join(", ", byName.keySet()), unknown));
            }
            if (!repeated.isEmpty()) {
                return Result.problem(new HeaderProblem("column(s) given twice: " + String.join(", ", repeated),
                        repeated));
            }
            List<String> missing = new ArrayList<>();
            for (T column : type.getEnumConstants()) {
                if (column.required() && !index.containsKey(column)) {
                    missing.add(column.displayName());
                }
            }
            for (List<T> group : atLeastOneOf) {
                if (group.stream().noneMatch(index::containsKey)) {
                    missing.add(group.stream().map(ImportColumn::displayName).collect(Collectors.joining(" or ")));
                }
            }
            if (!missing.isEmpty()) {
                return Result.problem(new HeaderProblem("missing required column(s) " + String.join(", ", missing),
                        missing));
            }
            return new Result<>(new ImportColumns<>(index, names), null);
        }
    }

    /** A header that cannot be imported: the columns it lacks or does not know. */
    public record HeaderProblem(String message, List<String> columns) {
    }

    /** The columns, or the problem. */
    public record Result<T extends Enum<T> & ImportColumn>(ImportColumns<T> columns, HeaderProblem problem) {
        static <T extends Enum<T> & ImportColumn> Result<T> problem(HeaderProblem problem) {
            return new Result<>(null, problem);
        }
    }

    private final Map<T, Integer> index;
    private final Map<T, String> names;

    private ImportColumns(Map<T, Integer> index, Map<T, String> names) {
        this.index = index;
        this.names = names;
    }

    public boolean has(T column) {
        return index.containsKey(column);
    }

    /** The cell of this column in the row; empty when the column is absent or the cell blank. */
    public Optional<String> cell(List<String> cells, T column) {
        Integer i = index.get(column);
        if (i == null || i >= cells.size() || cells.get(i).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(cells.get(i));
    }

    /** The column's name as written in the sheet (or its standard name when the sheet has none). */
    public String name(T column) {
        return names.getOrDefault(column, column.displayName());
    }

    /** Without required marks, units in brackets and spaces; case-insensitive for Latin names (TRL). */
    static String normalise(String name) {
        String n = name.replace("\uFEFF", "").strip();
        n = n.replaceAll("^[*＊]+|[*＊]+$", "");
        n = n.replaceAll("[（(][^）)]*[）)]\\s*$", "");
        return n.replaceAll("\\s+", "").toUpperCase();
    }
}
