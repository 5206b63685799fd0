package io.techbridge.listing.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.messaging.DeadLetters;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Applies one match-events message to a service's disclosure grants. An unreadable message is
 * dead-lettered and the stream goes on; a readable one is retried until the database takes it
 * (only an outage can refuse an idempotent insert of checked values).
 */
@ApplicationScoped
public class MatchDisclosures {

    private static final Logger LOG = Logger.getLogger(MatchDisclosures.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final ObjectMapper mapper;
    private final DeadLetters deadLetters;

    public MatchDisclosures(ObjectMapper mapper, DeadLetters deadLetters) {
        this.mapper = mapper;
        this.deadLetters = deadLetters;
    }

    /** Calls {@code grant} when the message discloses a pair (the enterprise accepted the introduction). */
    public void apply(ConsumerRecord<String, String> record, Consumer<MatchDisclosure> grant) {
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
                grant.accept(match);
                return;
            } catch (RuntimeException e) {
                LOG.warnf("recording the disclosure of pair (demand %s, achievement %s) failed (%s); retrying in %d ms",
                        match.demandId(), match.achievementId(), e.getMessage(), backoff.toMillis());
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
