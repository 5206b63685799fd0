package io.techbridge.deploy.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/monitoring holds together: the alert rules are complete rules Prometheus loads, the dashboard is one
 * Grafana imports with its data source as a variable, and the scrape configuration reaches every service on the
 * ports it listens on. (That the metrics they read exist is checked against running services by
 * LocalStackSmokeTest.)
 */
class MonitoringFilesTest {

    private static final Path MONITORING = Path.of("..", "monitoring");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Pattern DURATION = Pattern.compile("(\\d+(ms|s|m|h|d|w|y))+");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning", "info");
    private static final Set<String> SERVICES = Set.of("gateway", "achievement-service", "demand-service", "matching-service");
    private static final String DATASOURCE = "${DS_PROMETHEUS}";

    @Test
    void everyAlertRuleHasAnExpressionADurationASeverityAndWhatToDo() throws IOException {
        JsonNode rules = YAML.readTree(MONITORING.resolve("alerts.yml").toFile());
        assertTrue(rules.path("groups").isArray() && !rules.path("groups").isEmpty(), "alerts.yml has groups");
        Set<String> names = new HashSet<>();
        Set<String> groups = new HashSet<>();
        for (JsonNode group : rules.path("groups")) {
            assertTrue(groups.add(group.path("name").asText()), "a group name given once: " + group.path("name"));
            assertFalse(group.path("rules").isEmpty(), group.path("name") + " has rules");
            for (JsonNode rule : group.path("rules")) {
                String name = rule.path("alert").asText();
                assertFalse(name.isBlank(), "an alerting rule (not a recording one) in " + group.path("name") + ": " + rule);
                assertTrue(names.add(name), name + " is defined once");
                assertFalse(rule.path("expr").asText().isBlank(), name + " has an expr");
                assertTrue(DURATION.matcher(rule.path("for").asText()).matches(), name + " has a for: duration: " + rule.path("for"));
                assertTrue(SEVERITIES.contains(rule.path("labels").path("severity").asText()), name + ": severity one of " + SEVERITIES);
                assertFalse(rule.path("annotations").path("summary").asText().isBlank(), name + " has a summary");
                assertTrue(rule.path("annotations").path("description").asText().length() > 80,
                        name + " has a description telling the operator what to check and do");
            }
        }
    }

    @Test
    void theDashboardHasUniquePanelIdsAndEveryQueryUsesTheDataSourceVariable() throws IOException {
        JsonNode dashboard = new ObjectMapper().readTree(MONITORING.resolve("grafana/techbridge.json").toFile());
        assertTrue(dashboard.path("schemaVersion").asInt() >= 39, "a current Grafana's schema: " + dashboard.path("schemaVersion"));
        Map<String, JsonNode> variables = new TreeMap<>();
        dashboard.path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
        assertEquals("datasource", variables.getOrDefault("DS_PROMETHEUS", YAML.nullNode()).path("type").asText(),
                "DS_PROMETHEUS is a data source variable");
        assertEquals("prometheus", variables.get("DS_PROMETHEUS").path("query").asText());
        for (String variable : List.of("service", "instance")) {
            assertTrue(variables.containsKey(variable), "a " + variable + " variable");
            assertEquals(DATASOURCE, variables.get(variable).path("datasource").path("uid").asText(), variable + "'s data source");
        }

        List<JsonNode> panels = new ArrayList<>();
        dashboard.path("panels").forEach(panel -> {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        });
        Set<Integer> ids = new HashSet<>();
        int queries = 0;
        for (JsonNode panel : panels) {
            String title = panel.path("title").asText();
            assertTrue(panel.path("id").isInt() && ids.add(panel.path("id").asInt()), "unique panel id: " + title + " " + panel.path("id"));
            assertTrue(panel.path("gridPos").has("w") && panel.path("gridPos").has("h"), title + " has a place");
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            assertTrue(panel.path("description").asText().length() > 60, title + " says what to read from it");
            assertEquals(DATASOURCE, panel.path("datasource").path("uid").asText(), title + "'s data source");
            assertFalse(panel.path("targets").isEmpty(), title + " has queries");
            for (JsonNode target : panel.path("targets")) {
                assertEquals(DATASOURCE, target.path("datasource").path("uid").asText(), title + " " + target.path("refId") + "'s data source");
                assertFalse(target.path("expr").asText().isBlank(), title + " " + target.path("refId") + " has an expression");
                queries++;
            }
        }
        List<String> rows = panels.stream().filter(p -> p.path("type").asText().equals("row")).map(p -> p.path("title").asText()).toList();
        for (String row : List.of("Flow", "latency", "Errors", "Resources")) {
            assertTrue(rows.stream().anyMatch(r -> r.contains(row)), "a row for " + row + ": " + rows);
        }
        assertTrue(queries > 30, "queries: " + queries);
    }

    @Test
    void theLocalScrapeConfigurationReachesEveryServiceOnItsMetricsPortAndLoadsTheRules() throws IOException {
        JsonNode config = YAML.readTree(MONITORING.resolve("prometheus.yml").toFile());
        List<String> ruleFiles = new ArrayList<>();
        config.path("rule_files").forEach(file -> ruleFiles.add(file.asText()));
        assertEquals(List.of("alerts.yml"), ruleFiles);
        Map<String, String> targets = new TreeMap<>();
        for (JsonNode job : config.path("scrape_configs")) {
            assertEquals("/q/metrics", job.path("metrics_path").asText(), job.path("job_name") + " reads /q/metrics");
            for (JsonNode group : job.path("static_configs")) {
                group.path("targets").forEach(target -> targets.put(group.path("labels").path("service").asText(), target.asText()));
            }
        }
        assertEquals(SERVICES, targets.keySet(), "one target per service, labelled service");
        // The ports the services listen on by default (application.properties), the gateway's metrics on its management port.
        assertEquals("127.0.0.1:" + defaultPort("gateway", "quarkus.management.port"), targets.get("gateway"));
        for (String service : List.of("achievement-service", "demand-service", "matching-service")) {
            assertEquals("127.0.0.1:" + defaultPort(service, "quarkus.http.port"), targets.get(service), service);
        }
    }

    /** A port setting's value in a module's application.properties, or its default when it is ${VARIABLE:default}. */
    private static String defaultPort(String module, String key) throws IOException {
        Path properties = Path.of("..", "..", module, "src", "main", "resources", "application.properties");
        Matcher setting = Pattern.compile("(?m)^" + Pattern.quote(key) + "=(?:\\$\\{[A-Z_]+:(\\d+)\\}|(\\d+))$")
                .matcher(Files.readString(properties));
        assertTrue(setting.find(), key + " in " + properties);
        return setting.group(1) != null ? setting.group(1) : setting.group(2);
    }
}
