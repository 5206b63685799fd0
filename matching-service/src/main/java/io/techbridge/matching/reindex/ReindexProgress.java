package io.techbridge.matching.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/** Where a rebuild of the indexes stands; reads go on against the old indexes until the swap. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReindexProgress(
        State state,
        String phase,
        long eventsRead,
        long eventsTotal,
        long skipped,
        long documentsIndexed,
        long documentsTotal,
        Map<String, String> newIndexes,
        Instant startedAt,
        Instant finishedAt,
        String error) {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    public static ReindexProgress idle() {
        return new ReindexProgress(State.IDLE, null, 0, 0, 0, 0, 0, null, null, null, null);
    }
}
