package io.techbridge.demand.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.demand.persistence.DisclosureRepository;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Learns from match-events which organisations may now see a demand in full (a confidential
 * one's text, and the contact): when the enterprise of a pair accepted the introduction
 * ({@code disclosed}), the achievement's organisation does. An unreadable message is
 * dead-lettered and the stream goes on; a readable one is retried until the database takes it
 * (only an outage can refuse an idempotent insert of checked values).
 */
@ApplicationScoped
public class DisclosureConsumer {

    private static final Logger LOG = Logger.getLogger(DisclosureConsumer.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ObjectMapper mapper;
    private final DisclosureRepository disclosures;
    private final DeadLetters deadLetters;

    public DisclosureConsumer(ObjectMapper mapper, DisclosureRepository disclosures, DeadLetters deadLetters) {
        this.mapper = mapper;
        this.disclosures = disclosures;
        this.deadLetters = deadLetters;
    }

    @Incoming("match-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        MatchDisclosure match;
        try {
            match = MatchDisclosure.parse(mapper, record.value());
        } catch (MatchDisclosure.Unreadable e) {
            deadLetters.send(record, e.getMessage());
            return;
        }
        if (!match.disclosed()) {
            return;
        }
        Duration backoff = Duration.ofMillis(500);
        while (true) {
            try {
                disclosures.grant(match.demandId(), match.achievementOrganisationId());
                return;
            } catch (RuntimeException e) {
                LOG.warnf("recording the disclosure of demand %s failed (%s); retrying in %d ms",
                        match.demandId(), e.getMessage(), backoff.toMillis());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
    }
}
