package io.techbridge.matching.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import java.util.ArrayList;
import java.util.List;

/** Consumes achievement-events and demand-events in batches, in order per partition. */
@ApplicationScoped
public class EventConsumers {

    private final IngestionService ingestion;

    public EventConsumers(IngestionService ingestion) {
        this.ingestion = ingestion;
    }

    @Incoming("achievement-events")
    @Blocking(ordered = true)
    public void achievements(ConsumerRecords<String, String> records) {
        ingestion.ingestAchievements(list(records));
    }

    @Incoming("demand-events")
    @Blocking(ordered = true)
    public void demands(ConsumerRecords<String, String> records) {
        ingestion.ingestDemands(list(records));
    }

    private static List<ConsumerRecord<String, String>> list(ConsumerRecords<String, String> records) {
        List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
        records.forEach(list::add);
        return list;
    }
}
