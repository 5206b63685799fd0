package io.techbridge.matching.search;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Elasticsearch could not answer a read: it is down, or a shard is still recovering after a restart.
 * An outage to wait out (the ingestion and the proposal workers retry; an API call answers 503), never
 * a sign that the records read do not exist.
 */
public class SearchUnavailableException extends UncheckedIOException {

    public SearchUnavailableException(String message, IOException cause) {
        super(message, cause);
    }
}
