package io.techbridge.listing.imports;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the cells of one row and checks the request made of them with the rules of a POST, keeping
 * one problem text per column: a cell that could not be read is reported once, not again as missing.
 *
 * @param <T> the enum of the columns
 */
public final class RowReader<T extends Enum<T> & ImportColumn> {

    /** A problem with one cell of a row, by the column's name in the sheet; no column for the whole row. */
    public record CellError(String column, String message) {
    }

    /** The request of a row, or what is wrong with it (then there is no request). */
    public record Mapped<R>(R request, List<CellError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final ImportColumns<T> columns;
    private final List<String> cells;
    private final Map<T, String> errors = new LinkedHashMap<>();

    public RowReader(ImportColumns<T> columns, List<String> cells) {
        this.columns = columns;
        this.cells = cells;
    }

    public boolean has(T column) {
        return columns.has(column);
    }

    /** The cell's text; empty when blank or the sheet has no such column. */
    public Optional<String> text(T column) {
        return columns.cell(cells, column);
    }

    public String textOrNull(T column) {
        return text(column).orElse(null);
    }

    /** The cell read by {@code parser}; null when blank, or when unreadable (then reported for the column). */
    public <V> V read(T column, Function<String, V> parser) {
        Optional<String> cell = text(column);
        if (cell.isEmpty()) {
            return null;
        }
        try {
            return parser.apply(cell.get());
        } catch (Cells.Unreadable e) {
            error(column, "\"" + e.value() + "\" " + e.getMessage());
            return null;
        }
    }

    /** A problem with the column's cell that no parser or constraint found. */
    public void error(T column, String message) {
        errors.merge(column, message, (a, b) -> a.contains(b) ? a : a + "; " + b);
    }

    /**
     * The request once it passes the Bean Validation of {@code groups}; every violation is reported
     * on the column {@code columnOf} names for its property path.
     */
    public <R> Mapped<R> validated(R request, Validator validator, Function<Path, T> columnOf, Class<?>... groups) {
        List<ConstraintViolation<R>> violations = new ArrayList<>(validator.validate(request, groups));
        violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
        Set<T> unreadable = Set.copyOf(errors.keySet());
        for (ConstraintViolation<R> violation : violations) {
            T column = columnOf.apply(violation.getPropertyPath());
            if (!unreadable.contains(column)) {
                error(column, describe(violation));
            }
        }
        if (errors.isEmpty()) {
            return new Mapped<>(request, List.of());
        }
        return new Mapped<>(null, errors.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> new CellError(columns.name(e.getKey()), e.getValue()))
                .toList());
    }

    /** The names of a property path ({@code contact.phone} → contact, phone). */
    public static List<String> names(Path path) {
        List<String> names = new ArrayList<>();
        path.forEach(node -> names.add(node.getName()));
        return names;
    }

    private static String describe(ConstraintViolation<?> violation) {
        Object value = violation.getInvalidValue();
        if (value instanceof CharSequence || value instanceof Number) {
            return "\"" + value + "\" " + violation.getMessage();
        }
        return violation.getMessage();
    }
}
