package io.techbridge.commons.tracing;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code techbridge.tracing.*}: where the spans of this service go. Nothing is exported unless an
 * OTLP endpoint is set or the file sink is on; spans are still made (their ids are in the log lines).
 */
@ConfigMapping(prefix = "techbridge.tracing")
public interface TracingConfig {

    /**
     * An OpenTelemetry collector's OTLP/HTTP base address (e.g. {@code http://otel-collector:4318});
     * spans go to {@code <endpoint>/v1/traces}. Unset: no OTLP export at all.
     */
    Optional<URI> otlpEndpoint();

    /** Headers sent with every OTLP export (an API key of a hosted backend, say). */
    Map<String, String> otlpHeaders();

    /**
     * Share of traces recorded (0 to 1), decided where a trace begins (the gateway, for requests) and
     * followed by every service the trace reaches.
     */
    @WithDefault("1.0")
    double sampleRatio();

    /** The local file sink: one JSON line per span. */
    File file();

    interface File {

        /** Off by default; the local stack turns it on. */
        @WithDefault("false")
        boolean enabled();

        /** The folder of {@code <service>.jsonl}; required when the sink is on. */
        Optional<Path> directory();

        /**
         * The file's name instead of the service's ({@code quarkus.application.name}): each of several
         * instances of a service on one machine writes a file of its own (the local cluster shape).
         */
        Optional<String> name();

        /** A file reaching this size (bytes) is rotated to {@code <service>.1.jsonl}. */
        @WithDefault("20000000")
        long maxBytes();

        /** Rotated files kept beside the current one. */
        @WithDefault("2")
        int keep();
    }
}
