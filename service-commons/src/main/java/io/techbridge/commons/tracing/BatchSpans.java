package io.techbridge.commons.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.List;
import java.util.Optional;

/**
 * The span of a consumer that applies a batch of Kafka records at once (one bulk index request for
 * all of them, say). A span has one parent: it continues the trace of the batch's first record that
 * carries a {@code traceparent} and links to the others', as OpenTelemetry's messaging conventions
 * have it. A batch of one record (the usual case outside bursts) is simply part of its trace.
 */
@ApplicationScoped
public class BatchSpans {

    private final Tracer tracer;

    public BatchSpans(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.techbridge.messaging");
    }

    /** Runs {@code work} inside a CONSUMER span named {@code "<topic> process"}. */
    public void process(String topic, List<? extends ConsumerRecord<?, ?>> records, Runnable work) {
        Optional<SpanContext> parent = TraceParents.firstOf(records.stream().map(ConsumerRecord::headers).toList());
        SpanBuilder builder = tracer.spanBuilder(topic + " process")
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent.map(p -> Context.root().with(Span.wrap(p))).orElse(Context.root()))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        for (ConsumerRecord<?, ?> record : records) {
            TraceParents.ofRecord(record.headers())
                    .filter(s -> parent.isEmpty() || !s.equals(parent.get()))
                    .ifPresent(builder::addLink);
        }
        within(builder.startSpan(), () -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code work} inside an INTERNAL span continuing the trace a stored {@code traceparent} names. */
    public <T> T continuing(String traceparent, String name, java.util.function.Supplier<T> work) {
        return within(tracer.spanBuilder(name).setParent(TraceParents.context(traceparent)).startSpan(), work);
    }

    /** Runs {@code work} with {@code span} current, marks the span failed by what it throws, and ends it. */
    private static <T> T within(Span span, java.util.function.Supplier<T> work) {
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
