package io.techbridge.commons.tracing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonLinesSpanExporterTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachSpanIsOneJsonLineWithItsParentServiceAndAttributes(@TempDir Path dir) throws Exception {
        try (SdkTracerProvider provider = provider(new JsonLinesSpanExporter(dir, "achievement-service", 1_000_000, 2))) {
            Tracer tracer = provider.get("test");
            Span request = tracer.spanBuilder("POST /api/achievements").setSpanKind(SpanKind.SERVER).startSpan();
            try (Scope ignored = request.makeCurrent()) {
                tracer.spanBuilder("INSERT achievement.achievement").setSpanKind(SpanKind.CLIENT)
                        .setAttribute("db.system.name", "postgresql").startSpan().end();
            }
            request.end();
        }
        List<String> lines = Files.readAllLines(JsonLinesSpanExporter.file(dir, "achievement-service"));
        assertEquals(2, lines.size(), lines.toString());
        JsonNode insert = JSON.readTree(lines.get(0));
        JsonNode server = JSON.readTree(lines.get(1));
        assertEquals("INSERT achievement.achievement", insert.get("name").asText());
        assertEquals(server.get("spanId").asText(), insert.get("parentSpanId").asText());
        assertEquals(server.get("traceId").asText(), insert.get("traceId").asText());
        assertEquals("achievement-service", insert.get("service").asText());
        assertEquals("CLIENT", insert.get("kind").asText());
        assertEquals("postgresql", insert.get("attributes").get("db.system.name").asText());
        assertFalse(server.has("parentSpanId"), "a root has no parent");
        assertTrue(server.get("durationNanos").asLong() >= insert.get("durationNanos").asLong());
    }

    @Test
    void aFullFileIsRotatedAndOnlyTheNewestRotatedFilesAreKept(@TempDir Path dir) throws Exception {
        try (SdkTracerProvider provider = provider(new JsonLinesSpanExporter(dir, "gateway", 2_000, 2))) {
            Tracer tracer = provider.get("test");
            for (int i = 0; i < 60; i++) {
                tracer.spanBuilder("span " + i).startSpan().end();
            }
        }
        Path current = JsonLinesSpanExporter.file(dir, "gateway");
        assertTrue(Files.size(current) <= 2_000, "the current file stays under its size");
        assertTrue(Files.exists(JsonLinesSpanExporter.rotated(dir, "gateway", 1)));
        assertTrue(Files.exists(JsonLinesSpanExporter.rotated(dir, "gateway", 2)));
        assertFalse(Files.exists(JsonLinesSpanExporter.rotated(dir, "gateway", 3)), "older files are dropped");
        List<String> newest = Files.readAllLines(current);
        assertTrue(newest.getLast().contains("\"span 59\""), "the newest span is in the current file: " + newest.getLast());
        assertTrue(Files.readAllLines(JsonLinesSpanExporter.rotated(dir, "gateway", 2)).stream()
                .noneMatch(line -> line.contains("\"span 0\"")), "the oldest spans were dropped with their file");
    }

    private static SdkTracerProvider provider(JsonLinesSpanExporter exporter) {
        return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
    }
}
