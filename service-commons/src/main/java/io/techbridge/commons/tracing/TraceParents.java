package io.techbridge.commons.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The W3C {@code traceparent} of a span, for work that goes on later elsewhere (an outbox row, a
 * queued task) and continues the same trace when it is picked up.
 */
public final class TraceParents {

    public static final String HEADER = "traceparent";

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private TraceParents() {
    }

    /** The current span's {@code traceparent}, or null outside any recorded span. */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        if (!span.isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3CTraceContextPropagator.getInstance().inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** The context a {@code traceparent} names, to be the parent of the span that continues it; root if none. */
    public static Context context(String traceparent) {
        if (traceparent == null || traceparent.isBlank()) {
            return Context.root();
        }
        return W3CTraceContextPropagator.getInstance().extract(Context.root(), Map.of(HEADER, traceparent), MAP);
    }

    /** The span context a Kafka record's {@code traceparent} header names, if it has a valid one. */
    public static Optional<SpanContext> ofRecord(Headers headers) {
        Header header = headers.lastHeader(HEADER);
        if (header == null || header.value() == null) {
            return Optional.empty();
        }
        SpanContext span = Span.fromContext(context(new String(header.value(), StandardCharsets.UTF_8))).getSpanContext();
        return span.isValid() ? Optional.of(span) : Optional.empty();
    }

    /** The first valid span context of some records' headers, the parent of a batch's processing span. */
    public static Optional<SpanContext> firstOf(List<Headers> headers) {
        for (Headers h : headers) {
            Optional<SpanContext> span = ofRecord(h);
            if (span.isPresent()) {
                return span;
            }
        }
        return Optional.empty();
    }
}
