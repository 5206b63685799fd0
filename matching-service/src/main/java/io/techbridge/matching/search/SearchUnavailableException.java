package io.techbridge.matching.search;

import co.elastic.clients.elasticsearch._types.ElasticsearchException;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Elasticsearch could not serve a request: it is down, or a shard is still recovering after a restart.
 * An outage to wait out (the ingestion and the proposal workers retry; an API call answers 503), never
 * a sign that the records read do not exist.
 */
public class SearchUnavailableException extends UncheckedIOException {

    public SearchUnavailableException(String message, IOException cause) {
        super(message, cause);
    }

    /**
     * What a failed read is: an outage when the cluster could not be reached or answered that it cannot
     * serve the request now (no active shard, overloaded, timed out); otherwise the request's own fault,
     * thrown as it came, which is a bug to fix rather than a wait.
     */
    public static RuntimeException reading(String what, Exception failure) {
        if (failure instanceof IOException io) {
            return new SearchUnavailableException(what + " failed", io);
        }
        if (failure instanceof ElasticsearchException refused && isOutage(refused.status())) {
            return new SearchUnavailableException(what + " failed", new IOException(refused.getMessage(), refused));
        }
        return failure instanceof RuntimeException fault ? fault : new IllegalStateException(what + " failed", failure);
    }

    /** One failed item of a multi-search, by its HTTP status, as {@link #reading}. */
    public static RuntimeException readingItem(String what, int status, String reason) {
        String message = what + " failed: " + reason;
        return isOutage(status) ? new SearchUnavailableException(message, new IOException(reason))
                : new IllegalStateException(message);
    }

    /** Too many requests, service unavailable (e.g. all shards failed while recovering), gateway timeout. */
    static boolean isOutage(int status) {
        return status == 429 || status == 503 || status == 504;
    }
}
