package io.techbridge.commons.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.NavigableSet;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLatencyHistogramsTest {

    private static final double MS = 1_000_000;
    private final RequestLatencyHistograms filter = new RequestLatencyHistograms(Optional.of(List.of("/api/demands/{id}/matches")));

    private static Meter.Id timer(String name, String uri) {
        return new Meter.Id(name, Tags.of("uri", uri, "method", "GET"), null, null, Meter.Type.TIMER);
    }

    /** The buckets a Prometheus registry (one that publishes aggregable percentiles) would write. */
    private static NavigableSet<Double> buckets(DistributionStatisticConfig config) {
        return config.merge(DistributionStatisticConfig.DEFAULT).getHistogramBuckets(true);
    }

    @Test
    void aNamedRouteGetsBucketsFrom5MillisecondsTo10Seconds() {
        NavigableSet<Double> buckets = buckets(filter.configure(timer("http.server.requests", "/api/demands/{id}/matches"),
                DistributionStatisticConfig.NONE));
        assertTrue(buckets.size() > 20, "a percentile histogram, fine enough for p99: " + buckets.size() + " buckets");
        assertTrue(buckets.first() >= 5 * MS && buckets.first() < 10 * MS, "first bucket " + buckets.first() / MS + " ms");
        assertTrue(buckets.last() >= 10_000 * MS && buckets.last() < 20_000 * MS, "last bucket " + buckets.last() / MS + " ms");
    }

    @Test
    void anyOtherRouteOrTimerKeepsNoHistogram() {
        assertEquals(0, buckets(filter.configure(timer("http.server.requests", "/api/matches/{id}"), DistributionStatisticConfig.NONE)).size());
        assertEquals(0, buckets(filter.configure(timer("techbridge.matching.embedding", "/api/demands/{id}/matches"),
                DistributionStatisticConfig.NONE)).size());
    }

    @Test
    void withoutTheSettingNoRouteGetsAHistogram() {
        RequestLatencyHistograms unset = new RequestLatencyHistograms(Optional.empty());
        assertEquals(0, buckets(unset.configure(timer("http.server.requests", "/api/demands/{id}/matches"), DistributionStatisticConfig.NONE)).size());
    }
}
