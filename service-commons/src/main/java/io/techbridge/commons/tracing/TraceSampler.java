package io.techbridge.commons.tracing;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.List;

/**
 * Which traces are recorded: a trace begins where a request, a consumed record or a job begins, and
 * {@code techbridge.tracing.sample-ratio} of them are kept (the decision travels with the trace, so a
 * trace is whole or absent in every service). A database or search call outside any of them — the
 * outbox relay and the workers polling their tables every second — starts no trace of its own: it
 * would be thousands of one-span traces an hour, and noise.
 */
@Singleton
public class TraceSampler {

    @Produces
    @Singleton
    Sampler sampler(TracingConfig config) {
        return new WithoutLoneClientCalls(Sampler.parentBased(Sampler.traceIdRatioBased(config.sampleRatio())));
    }

    static final class WithoutLoneClientCalls implements Sampler {

        private final Sampler delegate;

        WithoutLoneClientCalls(Sampler delegate) {
            this.delegate = delegate;
        }

        @Override
        public SamplingResult shouldSample(Context parentContext, String traceId, String name, SpanKind spanKind,
                Attributes attributes, List<LinkData> parentLinks) {
            if (spanKind == SpanKind.CLIENT && !Span.fromContext(parentContext).getSpanContext().isValid()) {
                return SamplingResult.drop();
            }
            return delegate.shouldSample(parentContext, traceId, name, spanKind, attributes, parentLinks);
        }

        @Override
        public String getDescription() {
            return "WithoutLoneClientCalls{" + delegate.getDescription() + "}";
        }
    }
}
