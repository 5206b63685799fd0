package io.techbridge.commons.tracing;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporterBuilder;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where this service's spans go, from {@link TracingConfig}: an OpenTelemetry collector over OTLP/HTTP
 * when {@code techbridge.tracing.otlp-endpoint} is set, the local file sink when it is on, both, or
 * neither. Quarkus exports through every {@link SpanExporter} bean in one batch processor; with this
 * bean present it makes no OTLP exporter of its own (whose default address would fail, with retries
 * in the log, wherever no collector listens).
 */
@Singleton
public class TraceExporters {

    private static final Logger LOG = Logger.getLogger(TraceExporters.class);

    @Produces
    @Singleton
    SpanExporter spanExporter(TracingConfig config, @ConfigProperty(name = "quarkus.application.name") String service) {
        List<SpanExporter> exporters = new ArrayList<>();
        config.otlpEndpoint().ifPresent(endpoint -> {
            String base = endpoint.toString().replaceAll("/+$", "");
            OtlpHttpSpanExporterBuilder otlp = OtlpHttpSpanExporter.builder().setEndpoint(base + "/v1/traces");
            for (Map.Entry<String, String> header : config.otlpHeaders().entrySet()) {
                otlp.addHeader(header.getKey(), header.getValue());
            }
            exporters.add(otlp.build());
            LOG.infof("spans are exported to %s/v1/traces", base);
        });
        if (config.file().enabled()) {
            var directory = config.file().directory().orElseThrow(() -> new IllegalStateException(
                    "techbridge.tracing.file.enabled=true needs techbridge.tracing.file.directory"));
            String name = config.file().name().orElse(service);
            exporters.add(new JsonLinesSpanExporter(directory, name, config.file().maxBytes(), config.file().keep()));
            LOG.infof("spans are written to %s", JsonLinesSpanExporter.file(directory, name));
        }
        return SpanExporter.composite(exporters);
    }
}
