package io.techbridge.matching.deadletter;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code techbridge.dead.letters{topic}}: the messages of each dead-letter topic never replayed.
 * Counted on a schedule ({@code techbridge.dead-letters.refresh}, 30 s), not per scrape, so a
 * scrape costs Kafka and the database nothing; the alert rule in deploy/monitoring fires on it.
 */
@ApplicationScoped
public class DeadLetterGauges {

    private static final Logger LOG = Logger.getLogger(DeadLetterGauges.class);

    private final DeadLetterService deadLetters;
    private final Map<String, AtomicLong> counts = new LinkedHashMap<>();

    public DeadLetterGauges(DeadLetterService deadLetters, MeterRegistry registry) {
        this.deadLetters = deadLetters;
        for (String topic : DeadLetterTopics.ALL) {
            AtomicLong count = new AtomicLong();
            counts.put(topic, count);
            Gauge.builder("techbridge.dead.letters", count, AtomicLong::get)
                    .description("Messages set aside on a dead-letter topic and never replayed")
                    .tag("topic", topic).register(registry);
        }
    }

    @Scheduled(every = "${techbridge.dead-letters.refresh:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            deadLetters.topics().topics().forEach(t -> counts.get(t.topic()).set(t.notReplayed()));
        } catch (RuntimeException e) {
            // The last counts stay; Kafka or the database being away is reported by their own health checks.
            LOG.warnf("dead-letter counts not refreshed: %s", e.toString());
        }
    }
}
