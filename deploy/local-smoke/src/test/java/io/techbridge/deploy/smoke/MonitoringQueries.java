package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The metric names the monitoring reads: every PromQL expression of deploy/monitoring/alerts.yml and of the
 * Grafana dashboard (panel targets and variable queries), parsed down to the series they select, with the
 * service a selector pins ({@code service="matching-service"}) when it pins one.
 */
final class MonitoringQueries {

    static final String ALERTS = "deploy/monitoring/alerts.yml";
    static final String DASHBOARD = "deploy/monitoring/grafana/techbridge.json";
    /** Series Prometheus makes itself for every target rather than reading them from /q/metrics. */
    static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped", "ALERTS");

    /** A metric an expression selects, and the service its selector names exactly, if any. */
    record Selector(String metric, Optional<String> service) {
    }

    private static final Set<String> NOT_METRICS = Set.of(
            // aggregations, operators and modifiers
            "sum", "min", "max", "avg", "group", "stddev", "stdvar", "count", "count_values", "bottomk", "topk", "quantile",
            "limitk", "limit_ratio", "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "and", "or",
            "unless", "offset", "atan2", "inf", "nan", "start", "end",
            // functions, should one be written with a space before its parenthesis
            "abs", "absent", "absent_over_time", "ceil", "changes", "clamp", "clamp_max", "clamp_min", "day_of_month",
            "day_of_week", "day_of_year", "days_in_month", "delta", "deriv", "exp", "floor", "histogram_avg",
            "histogram_count", "histogram_fraction", "histogram_quantile", "histogram_stddev", "histogram_stdvar",
            "histogram_sum", "hour", "idelta", "increase", "irate", "label_join", "label_replace", "ln", "log2", "log10",
            "minute", "month", "predict_linear", "rate", "resets", "round", "scalar", "sgn", "sort", "sort_desc",
            "sort_by_label", "sort_by_label_desc", "sqrt", "time", "timestamp", "vector", "year", "avg_over_time",
            "min_over_time", "max_over_time", "sum_over_time", "count_over_time", "quantile_over_time",
            "stddev_over_time", "stdvar_over_time", "last_over_time", "present_over_time", "mad_over_time",
            "holt_winters", "double_exponential_smoothing", "acos", "acosh", "asin", "asinh", "atan", "atanh", "cos",
            "cosh", "sin", "sinh", "tan", "tanh", "deg", "rad", "pi");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|'(?:[^'\\\\]|\\\\.)*'|`[^`]*`");
    private static final Pattern LABEL_LIST = Pattern.compile("\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    /** An identifier that does not continue a number (5m, 1e3) or a Grafana variable, with its label matchers if any. */
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![\\w:.$])([a-zA-Z_:][\\w:]*)\\s*(\\{[^}]*\\})?(\\s*\\()?");
    private static final Pattern SERVICE_MATCHER = Pattern.compile("(?<![\\w])service\\s*=\\s*\"#(\\d+)\"");
    private static final Pattern LABEL_VALUES = Pattern.compile("^\\s*label_values\\((.*),\\s*\\w+\\s*\\)\\s*$");

    private MonitoringQueries() {
    }

    /** The expressions of the alert rules and of the dashboard. */
    static List<String> expressions(Path projectDir) throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode rules = new ObjectMapper(new YAMLFactory()).readTree(projectDir.resolve(ALERTS).toFile());
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.add(rule.path("expr").asText());
            }
        }
        JsonNode dashboard = new ObjectMapper().readTree(projectDir.resolve(DASHBOARD).toFile());
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asText());
            }
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if (variable.path("type").asText().equals("query")) {
                String query = variable.path("query").isTextual() ? variable.path("query").asText()
                        : variable.path("query").path("query").asText();
                Matcher labelValues = LABEL_VALUES.matcher(query);
                expressions.add(labelValues.matches() ? labelValues.group(1) : query);
            }
        }
        return expressions;
    }

    /** Every panel of the dashboard, those inside collapsed rows included. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** The series one PromQL expression selects. */
    static Set<Selector> selectors(String expression) {
        // Strings out first (a regex may hold braces, a Grafana variable, anything); kept by number for service="…".
        List<String> strings = new ArrayList<>();
        Matcher string = STRING.matcher(expression);
        StringBuilder text = new StringBuilder();
        while (string.find()) {
            strings.add(string.group().substring(1, string.group().length() - 1));
            string.appendReplacement(text, Matcher.quoteReplacement("\"#" + (strings.size() - 1) + "\""));
        }
        string.appendTail(text);
        String bare = RANGE.matcher(LABEL_LIST.matcher(text).replaceAll(" ")).replaceAll(" ");
        Set<Selector> selectors = new LinkedHashSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            String name = identifier.group(1);
            if (identifier.group(3) != null || NOT_METRICS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            Optional<String> service = Optional.empty();
            if (identifier.group(2) != null) {
                Matcher matcher = SERVICE_MATCHER.matcher(identifier.group(2));
                if (matcher.find()) {
                    service = Optional.of(strings.get(Integer.parseInt(matcher.group(1))));
                }
            }
            selectors.add(new Selector(name, service));
        }
        return selectors;
    }

    /** The sample names of a Prometheus text exposition (histograms as their _bucket, _count and _sum). */
    static Set<String> sampleNames(String exposition) {
        Set<String> names = new LinkedHashSet<>();
        exposition.lines().filter(line -> !line.isBlank() && !line.startsWith("#"))
                .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
        return names;
    }
}
