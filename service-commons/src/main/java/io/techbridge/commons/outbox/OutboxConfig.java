package io.techbridge.commons.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "techbridge.outbox")
public interface OutboxConfig {

    /** Most events relayed in one round. */
    @WithDefault("200")
    int batchSize();

    /** How long a round waits for Kafka's acknowledgements before it gives up and retries later; longer than the producer's delivery timeout. */
    @WithDefault("75s")
    Duration sendTimeout();

    /** How long relayed events stay in the table, for inspection, before they are deleted. */
    @WithDefault("P7D")
    Duration retention();

    /**
     * Topic per aggregate type, for a service that owns more than one aggregate (one topic per aggregate);
     * an aggregate type not named here goes to the outgoing channel's own topic.
     */
    Map<String, String> topics();

    /** Identifies the relay lock; differs per service only if two services share a database. */
    @WithDefault("7031977")
    long lockKey();
}
