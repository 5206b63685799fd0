package io.techbridge.commons.tracing;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes every finished span as one JSON line to {@code <directory>/<service>.jsonl}, so a trace can
 * be read on this machine without a collector ({@code deploy/local/trace}). A file that reaches
 * {@code maxBytes} becomes {@code <service>.1.jsonl} (the older ones move up, the oldest beyond
 * {@code keep} is dropped), so the folder never grows without bound.
 */
public final class JsonLinesSpanExporter implements SpanExporter {

    private static final Logger LOG = Logger.getLogger(JsonLinesSpanExporter.class);
    private static final JsonFactory JSON = new JsonFactory();

    private final Path directory;
    private final String service;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;
    private boolean failedBefore;

    public JsonLinesSpanExporter(Path directory, String service, long maxBytes, int keep) {
        this.directory = directory;
        this.service = service;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /** The current file of a service. */
    public static Path file(Path directory, String service) {
        return directory.resolve(service + ".jsonl");
    }

    /** The n-th rotated file of a service (1 = the newest). */
    public static Path rotated(Path directory, String service, int n) {
        return directory.resolve(service + "." + n + ".jsonl");
    }

    @Override
    public synchronized CompletableResultCode export(Collection<SpanData> spans) {
        try {
            ByteArrayOutputStream lines = new ByteArrayOutputStream(spans.size() * 512);
            for (SpanData span : spans) {
                write(span, lines);
                lines.write('\n');
            }
            if (out == null) {
                open();
            }
            if (size > 0 && size + lines.size() > maxBytes) {
                rotate();
                open();
            }
            lines.writeTo(out);
            out.flush();
            size += lines.size();
            failedBefore = false;
            return CompletableResultCode.ofSuccess();
        } catch (IOException | RuntimeException e) {
            // Said once per outage, not once per batch: the log must not fill with it.
            if (!failedBefore) {
                LOG.warnf("cannot write spans to %s: %s", file(directory, service), e.toString());
                failedBefore = true;
            }
            closeQuietly();
            return CompletableResultCode.ofFailure();
        }
    }

    private void open() throws IOException {
        Files.createDirectories(directory);
        Path current = file(directory, service);
        out = Files.newOutputStream(current, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(current);
    }

    /** The current file becomes {@code .1}, {@code .1} becomes {@code .2} and so on; beyond {@code keep} it is deleted. */
    private void rotate() throws IOException {
        closeQuietly();
        Path current = file(directory, service);
        Files.deleteIfExists(rotated(directory, service, Math.max(keep, 1)));
        for (int n = keep - 1; n >= 1; n--) {
            Path from = rotated(directory, service, n);
            if (Files.exists(from)) {
                Files.move(from, rotated(directory, service, n + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (keep > 0) {
            Files.move(current, rotated(directory, service, 1), StandardCopyOption.REPLACE_EXISTING);
        } else {
            Files.deleteIfExists(current);
        }
    }

    private void write(SpanData span, OutputStream target) throws IOException {
        try (JsonGenerator json = JSON.createGenerator(target, JsonEncoding.UTF8)) {
            json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            json.writeStartObject();
            json.writeStringField("traceId", span.getTraceId());
            json.writeStringField("spanId", span.getSpanId());
            if (span.getParentSpanContext().isValid()) {
                json.writeStringField("parentSpanId", span.getParentSpanId());
            }
            json.writeStringField("service", service);
            json.writeStringField("name", span.getName());
            json.writeStringField("kind", span.getKind().name());
            json.writeNumberField("startEpochNanos", span.getStartEpochNanos());
            json.writeNumberField("durationNanos", span.getEndEpochNanos() - span.getStartEpochNanos());
            json.writeStringField("status", span.getStatus().getStatusCode().name());
            if (!span.getLinks().isEmpty()) {
                json.writeArrayFieldStart("links");
                for (var link : span.getLinks()) {
                    json.writeStartObject();
                    json.writeStringField("traceId", link.getSpanContext().getTraceId());
                    json.writeStringField("spanId", link.getSpanContext().getSpanId());
                    json.writeEndObject();
                }
                json.writeEndArray();
            }
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<AttributeKey<?>, Object> attribute : span.getAttributes().asMap().entrySet()) {
                Object value = attribute.getValue();
                if (value instanceof List<?> list) {
                    json.writeStringField(attribute.getKey().getKey(), list.toString());
                } else if (value instanceof Number number) {
                    json.writeFieldName(attribute.getKey().getKey());
                    json.writeNumber(number.toString());
                } else if (value instanceof Boolean bool) {
                    json.writeBooleanField(attribute.getKey().getKey(), bool);
                } else {
                    json.writeStringField(attribute.getKey().getKey(), String.valueOf(value));
                }
            }
            json.writeEndObject();
            json.writeEndObject();
        }
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public synchronized CompletableResultCode shutdown() {
        closeQuietly();
        return CompletableResultCode.ofSuccess();
    }

    private void closeQuietly() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException ignored) {
                // the file is reopened on the next export
            }
            out = null;
        }
    }
}
