package io.techbridge.matching.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the dead-letter API answers. */
public final class DeadLetterViews {

    /** A listing shows at most this much of a value (UTF-8 bytes); one message is shown in full. */
    public static final int VALUE_LIMIT = 64 * 1024;

    private DeadLetterViews() {
    }

    @Schema(name = "DeadLetterTopic", description = "A dead-letter topic and what it holds")
    public record TopicSummary(
            @Schema(description = "the dead-letter topic, <source topic>.dlq") String topic,
            @Schema(description = "the topic its messages came from and go back to on a replay") String sourceTopic,
            @Schema(description = "false while nothing was ever set aside there (Kafka creates the topic with the first)") boolean exists,
            @Schema(description = "messages the topic holds") long total,
            @Schema(description = "of those, the ones never replayed") long notReplayed) {
    }

    @Schema(name = "DeadLetterTopics")
    public record Topics(List<TopicSummary> topics,
            @Schema(description = "not-replayed messages over all topics") long notReplayed) {
    }

    @Schema(name = "DeadLetterReplay", description = "One replay of a dead letter")
    public record ReplayView(
            Instant replayedAt,
            @Schema(description = "the login name of the admin who replayed it") String replayedBy,
            @Schema(description = "the topic it was published on again") String sourceTopic,
            @Schema(description = "the partition it got there") int sourcePartition,
            @Schema(description = "the offset it got there") long sourceOffset) {

        static ReplayView of(DeadLetterReplay replay) {
            return new ReplayView(replay.replayedAt, replay.replayedBy, replay.sourceTopic, replay.sourcePartition,
                    replay.sourceOffset);
        }
    }

    @Schema(name = "DeadLetter", description = "A message set aside on a dead-letter topic, and its replays")
    public record Message(
            String topic,
            int partition,
            long offset,
            @Schema(nullable = true, description = "the message key (the aggregate id), as UTF-8") String key,
            @Schema(nullable = true, description = "when it was set aside") Instant timestamp,
            @Schema(nullable = true, description = "why the consumer could not read or apply it") String reason,
            @Schema(nullable = true, description = "where it was consumed from: topic") String sourceTopic,
            @Schema(nullable = true) Integer sourcePartition,
            @Schema(nullable = true) Long sourceOffset,
            @Schema(description = "its own headers (those a replay passes on), as UTF-8") Map<String, String> headers,
            @Schema(nullable = true, description = "the value as UTF-8; in a listing at most 64 KiB of it") String value,
            @Schema(description = "the value's size in bytes") int valueBytes,
            @Schema(description = "true when value is cut (in a listing; GET one message for the whole)") boolean valueTruncated,
            @Schema(description = "whether it was replayed at least once") boolean replayed,
            @Schema(nullable = true, description = "when it was last replayed") Instant replayedAt,
            @Schema(nullable = true, description = "who last replayed it") String replayedBy,
            @Schema(description = "every replay, newest first") List<ReplayView> replays) {

        static Message of(DeadLetter letter, List<DeadLetterReplay> replays, boolean whole) {
            Map<String, String> headers = new LinkedHashMap<>();
            letter.originalHeaders().forEach(h -> headers.put(h.key(), h.value() == null ? null
                    : new String(h.value(), StandardCharsets.UTF_8)));
            byte[] bytes = letter.value();
            String value = bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
            boolean cut = !whole && bytes != null && bytes.length > VALUE_LIMIT;
            if (cut) {
                value = cut(value, VALUE_LIMIT);
            }
            DeadLetterReplay last = replays.isEmpty() ? null : replays.getFirst();
            return new Message(letter.topic(), letter.partition(), letter.offset(),
                    letter.key() == null ? null : new String(letter.key(), StandardCharsets.UTF_8), letter.timestamp(),
                    letter.reason(), letter.sourceTopic(), letter.sourcePartition(), letter.sourceOffset(), headers, value,
                    bytes == null ? 0 : bytes.length, cut, last != null, last == null ? null : last.replayedAt,
                    last == null ? null : last.replayedBy, replays.stream().map(ReplayView::of).toList());
        }
    }

    @Schema(name = "DeadLetterReplayAll", description = "What replaying a topic's not-replayed messages did")
    public record ReplayAll(
            String topic,
            @Schema(description = "messages published again on the source topic") int replayed,
            @Schema(description = "messages left alone because they had been replayed already") int alreadyReplayed) {
    }

    /** The longest prefix of {@code text} whose UTF-8 form has at most {@code limit} bytes, whole characters only. */
    static String cut(String text, int limit) {
        int bytes = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int size = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
            if (bytes + size > limit) {
                break;
            }
            bytes += size;
            i += Character.charCount(codePoint);
        }
        return text.substring(0, i);
    }
}
