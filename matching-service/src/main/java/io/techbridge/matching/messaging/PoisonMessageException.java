package io.techbridge.matching.messaging;

/** A message that can never be applied, however often it is retried: it goes to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }

    public PoisonMessageException(String reason) {
        super(reason);
    }
}
