package io.techbridge.deploy.smoke.fuzz;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** The figures of a fuzz run: requests and statuses per target, operations covered, what was tried, what went wrong. */
public final class FuzzReport {

    private final List<FuzzRunner.Outcome> outcomes;
    private final Map<String, List<Operation>> operations;

    public FuzzReport(List<FuzzRunner.Outcome> outcomes, Map<String, List<Operation>> operations) {
        this.outcomes = outcomes;
        this.operations = operations;
    }

    public List<FuzzRunner.Outcome> violations() {
        return outcomes.stream().filter(o -> o.violation() != null).toList();
    }

    public List<FuzzRunner.Outcome> serverErrors() {
        return outcomes.stream().filter(o -> o.status() >= 500 || o.status() < 0).toList();
    }

    /** Distinct operations (method and path template) that got at least one request, over all targets. */
    public int operationsCovered() {
        return outcomes.stream().map(o -> o.request().operation().key()).collect(Collectors.toSet()).size();
    }

    public String summary(long seed, int threads, double seconds) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("OpenAPI fuzz: %,d requests in %.1f s (seed %d, %d threads), %d distinct operations%n",
                outcomes.size(), seconds, seed, threads, operationsCovered()));
        out.append(String.format("  %-20s %9s %11s %7s %7s %7s %7s %6s%n", "target", "requests", "operations", "2xx",
                "3xx", "4xx", "5xx", "none"));
        for (Map.Entry<String, List<Operation>> target : operations.entrySet()) {
            List<FuzzRunner.Outcome> mine = outcomes.stream().filter(o -> o.request().target().equals(target.getKey())).toList();
            Set<String> covered = mine.stream().map(o -> o.request().operation().key()).collect(Collectors.toSet());
            out.append(String.format("  %-20s %,9d %5d / %-3d %,7d %,7d %,7d %,7d %,6d%n", target.getKey(), mine.size(),
                    covered.size(), target.getValue().size(), count(mine, 200), count(mine, 300), count(mine, 400),
                    count(mine, 500), mine.stream().filter(o -> o.status() < 0).count()));
        }
        out.append("  statuses: ").append(histogram(outcomes.stream().map(o -> o.status() < 0 ? "none" : Integer.toString(o.status()))
                .toList())).append(System.lineSeparator());
        out.append("  tried: ").append(histogram(outcomes.stream().map(o -> o.request().category()).toList()))
                .append(System.lineSeparator());
        out.append("  slowest (mean ms): ").append(outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.request().target() + " " + o.request().operation().key(),
                        Collectors.averagingLong(FuzzRunner.Outcome::millis)))
                .entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + Math.round(e.getValue())).collect(Collectors.joining(", ")))
                .append(System.lineSeparator());
        out.append("  slowest tries (mean ms): ").append(outcomes.stream()
                .collect(Collectors.groupingBy(o -> o.request().category(), Collectors.averagingLong(FuzzRunner.Outcome::millis)))
                .entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(8)
                .map(e -> e.getKey() + " " + Math.round(e.getValue())).collect(Collectors.joining(", ")))
                .append(System.lineSeparator());
        List<FuzzRunner.Outcome> accepted = outcomes.stream().filter(o -> o.accepted() && o.request().operation().isWrite()).toList();
        out.append("  changes accepted: ").append(accepted.size()).append(accepted.isEmpty() ? "" : " ("
                + histogram(accepted.stream().map(o -> o.request().target() + " " + o.request().operation().key()).toList()) + ")")
                .append(System.lineSeparator());
        List<FuzzRunner.Outcome> violations = violations();
        out.append("  violations: ").append(violations.size()).append(System.lineSeparator());
        Set<String> shown = new TreeSet<>();
        for (FuzzRunner.Outcome violation : violations) {
            // One example of each kind of failure per operation is enough to find its cause.
            String kind = violation.request().target() + " " + violation.request().operation().key() + " "
                    + violation.request().category() + " " + violation.violation();
            if (shown.add(kind) && shown.size() <= 60) {
                out.append("    ").append(violation.violation()).append(": ").append(violation.request().describe())
                        .append(System.lineSeparator()).append("      answered: ")
                        .append(violation.body().replaceAll("\\s+", " "), 0, Math.min(violation.body().length(), 400))
                        .append(System.lineSeparator());
            }
        }
        return out.toString();
    }

    private static long count(List<FuzzRunner.Outcome> outcomes, int floor) {
        return outcomes.stream().filter(o -> o.status() >= floor && o.status() < floor + 100).count();
    }

    private static String histogram(List<String> values) {
        Map<String, Long> counts = new TreeMap<>(values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())));
        Map<String, Long> ordered = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        return ordered.entrySet().stream().map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
    }
}
