package io.techbridge.gateway.audit;

import io.vertx.core.http.HttpMethod;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Dead-letter replays are in the audit trail, each with the message or topic it replayed; reading them is not. */
class AuditedOperationsTest {

    @Test
    void aReplayOfOneDeadLetterIsRecordedWithTheMessageItReplayed() {
        assertEquals(Optional.of(new AuditedOperations.Match("DEAD_LETTER_REPLAY", "achievement-events.dlq/2/41")),
                AuditedOperations.match(HttpMethod.POST, "/api/admin/dead-letters/achievement-events.dlq/2/41/replay"));
    }

    @Test
    void aReplayOfATopicsDeadLettersIsRecordedWithTheTopic() {
        assertEquals(Optional.of(new AuditedOperations.Match("DEAD_LETTER_REPLAY_ALL", "demand-events.dlq")),
                AuditedOperations.match(HttpMethod.POST, "/api/admin/dead-letters/demand-events.dlq/replay"));
    }

    @Test
    void readingDeadLettersIsNotRecorded() {
        assertEquals(Optional.empty(), AuditedOperations.match(HttpMethod.GET, "/api/admin/dead-letters"));
        assertEquals(Optional.empty(), AuditedOperations.match(HttpMethod.GET, "/api/admin/dead-letters/demand-events.dlq/0/1"));
    }
}
