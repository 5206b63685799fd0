package io.techbridge.matching.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.commons.tracing.BatchSpans;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/**
 * Consumes achievement-events and demand-events in batches, in order per partition; each batch is
 * applied in a span that continues the trace of the change that sent it (see {@link BatchSpans}).
 */
@ApplicationScoped
public class EventConsumers {

    private final IngestionService ingestion;
    private final BatchSpans spans;

    public EventConsumers(IngestionService ingestion, BatchSpans spans) {
        this.ingestion = ingestion;
        this.spans = spans;
    }

    @Incoming("achievement-events")
    @Blocking(ordered = true)
    public void achievements(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = list(records);
        spans.process("achievement-events", list, () -> ingestion.ingestAchievements(list));
    }

    @Incoming("demand-events")
    @Blocking(ordered = true)
    public void demands(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = list(records);
        spans.process("demand-events", list, () -> ingestion.ingestDemands(list));
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
