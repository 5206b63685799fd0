package io.techbridge.commons.messaging;

import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Applies a readable message until the database takes it, backing off from half a second to 30
 * seconds: only an outage can refuse an idempotent write of checked values, and the partition
 * must not move past a message that was not applied.
 */
public final class UntilStored {

    private static final Logger LOG = Logger.getLogger(UntilStored.class);
    private static final Duration FIRST = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private UntilStored() {
    }

    /** Runs {@code write} until it succeeds; {@code what} names the message in the log. */
    public static void apply(Runnable write, Supplier<String> what) {
        Duration backoff = FIRST;
        while (true) {
            try {
                write.run();
                return;
            } catch (RuntimeException e) {
                LOG.warnf("storing %s failed (%s); retrying in %d ms", what.get(), e.getMessage(), backoff.toMillis());
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
