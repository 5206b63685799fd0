package io.techbridge.achievement.messaging;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.achievement.persistence.DisclosureRepository;
import io.techbridge.commons.messaging.MatchDisclosures;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from match-events which organisations may now see an achievement's contact: when the
 * enterprise of a pair accepted the introduction, the demand's organisation does.
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
        matchDisclosures.apply(record, match -> disclosures.grant(match.achievementId(), match.demandOrganisationId()));
    }
}
