package io.techbridge.listing.disclosure;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.messaging.DeadLetters;
import io.techbridge.commons.messaging.UntilStored;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Consumer;

/**
 * Applies one match-events message to a service's disclosure grants. An unreadable message is
 * dead-lettered and the stream goes on; a readable one is retried until the database takes it
 * ({@link UntilStored}).
 */
@ApplicationScoped
public class MatchDisclosures {


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
        UntilStored.apply(() -> grant.accept(match), () -> "the disclosure of pair (demand " + match.demandId()
                + ", achievement " + match.achievementId() + ")");
    }
}
