package io.techbridge.deploy.smoke;

import io.techbridge.deploy.local.StackSettings;
import io.techbridge.deploy.smoke.MonitoringQueries.Selector;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The parser behind LocalStackSmokeTest's check that the monitoring reads only metrics the services expose. */
class MonitoringQueriesTest {

    private static Set<Selector> any(String... metrics) {
        return java.util.Arrays.stream(metrics).map(m -> new Selector(m, Optional.empty()))
                .collect(java.util.stream.Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    @Test
    void aggregationsFunctionsAndTheirLabelListsAreNotMetrics() {
        assertEquals(any("techbridge_dead_letters"), MonitoringQueries.selectors("max by (topic) (techbridge_dead_letters) > 0"));
        assertEquals(any("a_total", "b"), MonitoringQueries.selectors(
                "sum(rate(a_total[5m])) by (service, uri) / on (service) group_left(uri) clamp_min(b, 1) > bool 0.01"));
        assertEquals(any("x"), MonitoringQueries.selectors("min_over_time(max(x)[30m:1m]) > 0 unless x offset 5m"));
    }

    @Test
    void durationsNumbersStringsAndGrafanaVariablesAreNotMetrics() {
        assertEquals(any("c"), MonitoringQueries.selectors(
                "sum(rate(c{status=~\"5..\", instance=~\"$instance\"}[$__rate_interval])) * 60 > 1e3"));
    }

    @Test
    void aSelectorPinningAServiceNamesIt() {
        String ranking = "histogram_quantile(0.99, sum by (le, uri) (rate(http_server_requests_seconds_bucket"
                + "{service=\"matching-service\", uri=~\"/api/(demands|achievements)/[{]id[}]/matches\"}[10m]))) > 0.5"
                + " and on (uri) sum by (uri) (rate(http_server_requests_seconds_count{uri=~\"/api/[{]id[}]\"}[10m])) > 0.02";
        assertEquals(Set.of(new Selector("http_server_requests_seconds_bucket", Optional.of("matching-service")),
                new Selector("http_server_requests_seconds_count", Optional.empty())), MonitoringQueries.selectors(ranking));
        assertEquals(any("up"), MonitoringQueries.selectors("up{service!=\"\"} == 0"));
    }

    @Test
    void everyCommittedExpressionSelectsAtLeastOneMetric() throws Exception {
        List<String> expressions = MonitoringQueries.expressions(StackSettings.projectDirectory());
        assertTrue(expressions.size() > 30, "the rules, panels and variables: " + expressions.size());
        for (String expression : expressions) {
            assertFalse(MonitoringQueries.selectors(expression).isEmpty(), "no metric found in " + expression);
        }
    }

    @Test
    void anExpositionListsItsSampleNamesWithTheHistogramSuffixes() {
        String exposition = """
                # TYPE http_server_requests_seconds histogram
                http_server_requests_seconds_bucket{uri="/a",le="0.005"} 1.0
                http_server_requests_seconds_count{uri="/a"} 1.0
                http_server_requests_seconds_sum{uri="/a"} 0.004
                techbridge_outbox_backlog 0.0
                """;
        assertEquals(Set.of("http_server_requests_seconds_bucket", "http_server_requests_seconds_count",
                "http_server_requests_seconds_sum", "techbridge_outbox_backlog"), MonitoringQueries.sampleNames(exposition));
    }
}
