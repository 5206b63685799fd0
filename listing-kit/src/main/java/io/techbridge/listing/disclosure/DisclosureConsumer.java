package io.techbridge.listing.disclosure;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.techbridge.listing.Listing;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Learns from match-events which organisations may now see a listing in full (its contact, and a
 * confidential demand's text): when the enterprise of a pair accepted the introduction, the other
 * side's organisation does ({@link MatchSide}).
 */
@ApplicationScoped
public class DisclosureConsumer {

    private final MatchDisclosures matchDisclosures;
    private final DisclosureRepository disclosures;
    private final MatchSide side;

    public DisclosureConsumer(MatchDisclosures matchDisclosures, DisclosureRepository disclosures, Listing listing) {
        this.matchDisclosures = matchDisclosures;
        this.disclosures = disclosures;
        this.side = listing.side();
    }

    @Incoming("match-events")
    @Blocking(ordered = true)
    public void consume(ConsumerRecord<String, String> record) {
        matchDisclosures.apply(record, match -> disclosures.grant(side.listingOf(match), side.disclosedTo(match)));
    }
}
