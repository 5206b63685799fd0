package io.techbridge.matching.deadletter;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One replay as one unit of work: the message is held (a second replay of it waits), checked not
 * to have been replayed unless asked again, published on its source topic, and the replay recorded
 * with the offset it got, in one transaction. Should the commit fail after the publish, the
 * message is on the source topic without a record; replaying it again is harmless, as consumers
 * apply each aggregate version once.
 */
@ApplicationScoped
public class DeadLetterReplays {

    private static final Logger LOG = Logger.getLogger(DeadLetterReplays.class);

    private final DeadLetterReplayRepository replays;
    private final DeadLetterLog log;

    public DeadLetterReplays(DeadLetterReplayRepository replays, DeadLetterLog log) {
        this.replays = replays;
        this.log = log;
    }

    /** Replays the message; 409 {@code already-replayed} when it was, unless {@code again}. */
    @Transactional
    public DeadLetterReplay replay(DeadLetter letter, boolean again, String who) {
        replays.lock(letter.topic(), letter.partition(), letter.offset());
        List<DeadLetterReplay> earlier = replays.of(letter.topic(), letter.partition(), letter.offset());
        if (!earlier.isEmpty() && !again) {
            DeadLetterReplay last = earlier.getFirst();
            Map<String, Object> context = new LinkedHashMap<>();
            context.put("replayedAt", last.replayedAt.toString());
            context.put("replayedBy", last.replayedBy);
            context.put("sourceOffset", last.sourceOffset);
            throw new ProblemException(Problem.of(Response.Status.CONFLICT, "already-replayed", "Already replayed",
                    "dead letter " + letter.address() + " was replayed by " + last.replayedBy + " at " + last.replayedAt
                            + "; add ?again=true to publish it once more").withContext(context));
        }
        String source = DeadLetterTopics.sourceOf(letter.topic());
        RecordMetadata published = log.republish(letter, source);
        DeadLetterReplay replay = new DeadLetterReplay();
        replay.dlqTopic = letter.topic();
        replay.dlqPartition = letter.partition();
        replay.dlqOffset = letter.offset();
        replay.sourceTopic = source;
        replay.sourcePartition = published.partition();
        replay.sourceOffset = published.offset();
        replay.replayedBy = who;
        replay.replayedAt = Instant.now();
        replays.persist(replay);
        LOG.infof("dead letter %s replayed by %s to %s[%d]@%d", letter.address(), who, source, published.partition(),
                published.offset());
        return replay;
    }
}
