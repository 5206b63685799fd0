package io.techbridge.commons.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingDecision;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TraceSamplerTest {

    private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
    private final Sampler sampler = new TraceSampler.WithoutLoneClientCalls(Sampler.parentBased(Sampler.alwaysOn()));

    @Test
    void aDatabaseCallOutsideAnyTraceStartsNone() {
        assertEquals(SamplingDecision.DROP, decide(Context.root(), SpanKind.CLIENT));
    }

    @Test
    void requestsConsumersAndJobsStartTracesAndCallsWithinThemAreKept() {
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.SERVER));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.CONSUMER));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(Context.root(), SpanKind.INTERNAL));
        Context request = Context.root().with(Span.wrap(SpanContext.create(TRACE, "00f067aa0ba902b7",
                TraceFlags.getSampled(), TraceState.getDefault())));
        assertEquals(SamplingDecision.RECORD_AND_SAMPLE, decide(request, SpanKind.CLIENT));
    }

    @Test
    void aTraceTheCallerDidNotKeepIsNotKeptHereEither() {
        Context unsampled = Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(TRACE, "00f067aa0ba902b7",
                TraceFlags.getDefault(), TraceState.getDefault())));
        assertEquals(SamplingDecision.DROP, decide(unsampled, SpanKind.SERVER));
    }

    @Test
    void aStoredTraceparentContinuesItsTrace() {
        Context context = TraceParents.context("00-" + TRACE + "-00f067aa0ba902b7-01");
        SpanContext parent = Span.fromContext(context).getSpanContext();
        assertEquals(TRACE, parent.getTraceId());
        assertEquals("00f067aa0ba902b7", parent.getSpanId());
        assertEquals(false, Span.fromContext(TraceParents.context(null)).getSpanContext().isValid());
    }

    private SamplingDecision decide(Context parent, SpanKind kind) {
        return sampler.shouldSample(parent, TRACE, "span", kind, Attributes.empty(), List.of()).getDecision();
    }
}
