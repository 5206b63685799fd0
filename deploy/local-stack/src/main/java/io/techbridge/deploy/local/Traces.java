package io.techbridge.deploy.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The spans the services of a local stack wrote to {@code <data>/traces/*.jsonl} (one JSON object a
 * line, see service-commons {@code JsonLinesSpanExporter}), rotated files included, and the trees
 * they make: {@code deploy/local/trace} prints them, the smoke test checks them.
 */
public final class Traces {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One span as a service wrote it. {@code parentSpanId} is null for a trace's root. */
    public record SpanRecord(String traceId, String spanId, String parentSpanId, String service, String name,
            String kind, long startEpochNanos, long durationNanos, String status, Map<String, String> attributes) {

        public String attribute(String key) {
            return attributes.get(key);
        }
    }

    /** A span with the spans whose parent it is, ordered by start. */
    public record Node(SpanRecord span, List<Node> children) {
    }

    private final List<SpanRecord> spans;

    private Traces(List<SpanRecord> spans) {
        this.spans = spans;
    }

    /** Reads every span file of the folder; a line cut off by a service still writing it is skipped. */
    public static Traces read(Path directory) {
        List<SpanRecord> spans = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return new Traces(spans);
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")).sorted().toList()) {
                try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        parse(line).ifPresent(spans::add);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spans in " + directory, e);
        }
        return new Traces(spans);
    }

    private static Optional<SpanRecord> parse(String line) {
        if (line.isBlank()) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(line);
            Map<String, String> attributes = new LinkedHashMap<>();
            node.path("attributes").properties().forEach(a -> attributes.put(a.getKey(), a.getValue().asText()));
            return Optional.of(new SpanRecord(node.path("traceId").asText(), node.path("spanId").asText(),
                    node.hasNonNull("parentSpanId") ? node.get("parentSpanId").asText() : null,
                    node.path("service").asText(), node.path("name").asText(), node.path("kind").asText(),
                    node.path("startEpochNanos").asLong(), node.path("durationNanos").asLong(),
                    node.path("status").asText(), attributes));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    public List<SpanRecord> spans() {
        return spans;
    }

    /** The spans of one trace, by start. */
    public List<SpanRecord> trace(String traceId) {
        return spans.stream().filter(s -> s.traceId().equalsIgnoreCase(traceId))
                .sorted(Comparator.comparingLong(SpanRecord::startEpochNanos)).toList();
    }

    /**
     * The newest trace that began with the gateway answering {@code method path} (its server span, by
     * the request's method and path); empty if there is none.
     */
    public Optional<String> lastRequest(String method, String path) {
        return spans.stream()
                // "gateway", or "gateway-1", "gateway-2" in the cluster shape (a file per instance)
                .filter(s -> s.service().matches("gateway(-\\d+)?") && s.kind().equals("SERVER"))
                .filter(s -> method.equalsIgnoreCase(s.attribute("http.request.method")))
                .filter(s -> path.equals(s.attribute("url.path")) || path.equals(s.attribute("http.route")))
                .max(Comparator.comparingLong(SpanRecord::startEpochNanos))
                .map(SpanRecord::traceId);
    }

    /** The trees of a trace: normally one; a span whose parent was not written (another system's) is a root too. */
    public List<Node> tree(String traceId) {
        List<SpanRecord> members = trace(traceId);
        Set<String> ids = new HashSet<>();
        members.forEach(s -> ids.add(s.spanId()));
        Map<String, List<SpanRecord>> byParent = new HashMap<>();
        List<SpanRecord> roots = new ArrayList<>();
        for (SpanRecord span : members) {
            if (span.parentSpanId() == null || !ids.contains(span.parentSpanId())) {
                roots.add(span);
            } else {
                byParent.computeIfAbsent(span.parentSpanId(), p -> new ArrayList<>()).add(span);
            }
        }
        return roots.stream().map(r -> node(r, byParent)).toList();
    }

    private static Node node(SpanRecord span, Map<String, List<SpanRecord>> byParent) {
        return new Node(span, byParent.getOrDefault(span.spanId(), List.of()).stream()
                .map(child -> node(child, byParent)).toList());
    }

    /** The trace as an indented tree: start offset, duration, service, span name (and what it touched). */
    public String render(String traceId) {
        List<SpanRecord> members = trace(traceId);
        if (members.isEmpty()) {
            return "no spans of trace " + traceId + "\n";
        }
        long start = members.getFirst().startEpochNanos();
        long end = members.stream().mapToLong(s -> s.startEpochNanos() + s.durationNanos()).max().orElse(start);
        long services = members.stream().map(SpanRecord::service).distinct().count();
        StringBuilder out = new StringBuilder();
        out.append(String.format("trace %s: %d spans, %d services, %.1f ms%n", traceId, members.size(), services,
                (end - start) / 1e6));
        out.append(String.format("%10s %10s  %-20s %s%n", "start", "duration", "service", "span"));
        for (Node root : tree(traceId)) {
            render(root, 0, start, out);
        }
        return out.toString();
    }

    private static void render(Node node, int depth, long traceStart, StringBuilder out) {
        SpanRecord span = node.span();
        out.append(String.format("%+8.1fms %8.1fms  %-20s %s%s%s%s%n", (span.startEpochNanos() - traceStart) / 1e6,
                span.durationNanos() / 1e6, span.service(), "  ".repeat(depth), span.name(), detail(span),
                "ERROR".equals(span.status()) ? "  [error]" : ""));
        for (Node child : node.children()) {
            render(child, depth + 1, traceStart, out);
        }
    }

    /** What a span touched, when its name does not say: the statement's table, the index, the topic. */
    private static String detail(SpanRecord span) {
        for (String key : List.of("db.query.summary", "db.collection.name", "url.full", "messaging.destination.name")) {
            String value = span.attribute(key);
            if (value != null && !span.name().contains(value)) {
                return "  (" + (value.length() > 80 ? value.substring(0, 77) + "..." : value) + ")";
            }
        }
        return "";
    }
}
