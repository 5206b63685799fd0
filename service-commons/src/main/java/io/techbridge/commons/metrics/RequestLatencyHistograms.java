package io.techbridge.commons.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Publishes a latency histogram ({@code http_server_requests_seconds_bucket}) for the server requests of the
 * route templates named in {@code techbridge.metrics.histogram-uris}, so Prometheus can compute their
 * p50/p95/p99 across instances (histogram_quantile). Quarkus has no property for this, and a histogram on
 * every route would multiply the series by some 50 buckets for routes nobody reads percentiles of.
 */
@Singleton
public class RequestLatencyHistograms implements MeterFilter {

    static final String SERVER_REQUESTS = "http.server.requests";
    /** Buckets from 5 ms to 10 s: below the fastest ranking measured (~30 ms), above the slowest (2.6 s). */
    static final Duration LOWEST = Duration.ofMillis(5);
    static final Duration HIGHEST = Duration.ofSeconds(10);

    private final Set<String> uris;

    @Inject
    public RequestLatencyHistograms(@ConfigProperty(name = "techbridge.metrics.histogram-uris") Optional<List<String>> uris) {
        this.uris = Set.copyOf(uris.orElse(List.of()));
    }

    @Override
    public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
        if (!SERVER_REQUESTS.equals(id.getName()) || !uris.contains(id.getTag("uri"))) {
            return config;
        }
        return DistributionStatisticConfig.builder()
                .percentilesHistogram(true)
                .minimumExpectedValue((double) LOWEST.toNanos())
                .maximumExpectedValue((double) HIGHEST.toNanos())
                .build()
                .merge(config);
    }
}
