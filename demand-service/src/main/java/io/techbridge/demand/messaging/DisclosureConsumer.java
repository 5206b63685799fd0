package io.techbridge.demand.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.demand.persistence.DisclosureRepository;
import io.techbridge.commons.messaging.MatchDisclosures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from match-events which organisations may now see a demand in full (a confidential one's
 * text, and the contact): when the enterprise of a pair accepted the introduction, the
 * achievement's organisation does.
 */
@ApplicationScoped
public class DisclosureConsumer {

    private final MatchDisclosures matchDisclosures;
    private final DisclosureRepository disclosures;

    public DisclosureConsumer(MatchDisclosures matchDisclosures, DisclosureRepository disclosures) {
        this.matchDisclosures = matchDisclosures;
        this.disclosures = disclosures;
    }

    @Incoming("match-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        matchDisclosures.apply(record, match -> disclosures.grant(match.demandId(), match.achievementOrganisationId()));
    }
}
