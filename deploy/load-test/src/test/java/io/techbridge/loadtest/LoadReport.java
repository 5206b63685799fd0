package io.techbridge.loadtest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a Gatling report (the statistics table of its {@code index.html}) and prints, per request
 * type, count, throughput, p50/p95/p99 and errors as a Markdown table, then the errors by message
 * and the line {@code ranking-p99-ms=N} (the worse of the two rankings) that deploy/local/load's
 * knee search reads. Plain JDK, so the script runs it straight from the compiled test classes.
 * Usage: {@code LoadReport <results folder>}.
 */
public final class LoadReport {
    private static final Pattern ROW = Pattern.compile(
            "<tr id=\"(ROOT|req_[^\"]*)\"[^>]*>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern NAME = Pattern.compile("class=\"ellipsed-name\">([^<]*)</span>");
    private static final Pattern CELL = Pattern.compile("<td class=\"value [^\"]*col-(\\d+)\">([^<]*)</td>");
    private static final Pattern ERRORS = Pattern.compile("<table id=\"container_errors\".*?</table>", Pattern.DOTALL);
    private static final Pattern ERROR_ROW = Pattern.compile("<tr>(.*?)</tr>", Pattern.DOTALL);
    private static final Pattern TD = Pattern.compile("<td[^>]*>(.*?)</td>", Pattern.DOTALL);

    /** One row of the statistics table; times in ms, -1 when the report has none (no OK answer). */
    public record Row(String name, long total, long ko, double perSecond, long p50, long p95, long p99, long max) {
    }

    private LoadReport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LoadReport <gatling results folder>");
            System.exit(2);
        }
        String html = Files.readString(Path.of(args[0]).resolve("index.html"));
        List<Row> rows = rows(html);
        System.out.println(table(rows));
        List<String> errors = errors(html);
        if (!errors.isEmpty()) {
            System.out.println();
            System.out.println("errors (message, count, share of the failures):");
            errors.forEach(e -> System.out.println("  " + e));
        }
        System.out.println();
        System.out.println("ranking-p99-ms=" + rankingP99(rows));
    }

    public static List<Row> rows(String html) {
        List<Row> rows = new ArrayList<>();
        Matcher row = ROW.matcher(html);
        while (row.find()) {
            String body = row.group(2);
            Matcher name = NAME.matcher(body);
            if (!name.find()) {
                continue;
            }
            long[] cols = new long[15];
            double perSecond = 0;
            java.util.Arrays.fill(cols, -1);
            Matcher cell = CELL.matcher(body);
            while (cell.find()) {
                int col = Integer.parseInt(cell.group(1));
                String value = cell.group(2).trim().replace(",", "");
                if (col == 6) {
                    perSecond = value.equals("-") ? 0 : Double.parseDouble(value);
                } else if (col < cols.length && value.matches("-?\\d+")) {
                    cols[col] = Long.parseLong(value);
                }
            }
            String label = row.group(1).equals("ROOT") ? "all" : unescape(name.group(1));
            rows.add(new Row(label, cols[2], cols[4], perSecond, cols[8], cols[9], cols[10], cols[12]));
        }
        return rows;
    }

    /** The worse p99 of the two rankings, -1 without rankings in the report. */
    public static long rankingP99(List<Row> rows) {
        return rows.stream().filter(r -> r.name().equals(Mix.RANK_DEMAND) || r.name().equals(Mix.RANK_ACHIEVEMENT))
                .mapToLong(Row::p99).max().orElse(-1);
    }

    public static String table(List<Row> rows) {
        StringBuilder out = new StringBuilder();
        out.append("| request type | count | throughput (req/s) | p50 (ms) | p95 (ms) | p99 (ms) | max (ms) | errors |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        List<Row> ordered = new ArrayList<>();
        for (String type : Mix.SHARES.keySet()) {
            rows.stream().filter(r -> r.name().equals(type)).forEach(ordered::add);
            if (type.equals(Mix.QUEUE)) {
                rows.stream().filter(r -> r.name().equals(Mix.DECIDE)).forEach(ordered::add);
            }
        }
        rows.stream().filter(r -> !ordered.contains(r) && !r.name().equals("all")).forEach(ordered::add);
        rows.stream().filter(r -> r.name().equals("all")).forEach(ordered::add);
        for (Row r : ordered) {
            String name = r.name().equals("all") ? "**all**" : r.name();
            out.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %s | %s | %s | %s | %s |%n", name, r.total(), r.perSecond(),
                    ms(r.p50()), ms(r.p95()), ms(r.p99()), ms(r.max()),
                    r.ko() <= 0 ? "0" : r.ko() + String.format(Locale.ROOT, " (%.1f %%)", 100.0 * r.ko() / r.total())));
        }
        return out.toString().stripTrailing();
    }

    static List<String> errors(String html) {
        List<String> errors = new ArrayList<>();
        Matcher table = ERRORS.matcher(html);
        if (!table.find()) {
            return errors;
        }
        Matcher row = ERROR_ROW.matcher(table.group());
        while (row.find()) {
            Matcher td = TD.matcher(row.group(1));
            List<String> cells = new ArrayList<>();
            while (td.find()) {
                cells.add(unescape(td.group(1).replaceAll("<span[^>]*display:none[^>]*>[^<]*</span>", "").replaceAll("<[^>]*>", "").replaceAll("\\s+", " ").trim()));
            }
            if (!cells.isEmpty()) {
                errors.add(String.join(" | ", cells));
            }
        }
        return errors;
    }

    private static String ms(long value) {
        return value < 0 ? "–" : Long.toString(value);
    }

    private static String unescape(String text) {
        return text.replace("&gt;", ">").replace("&lt;", "<").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
