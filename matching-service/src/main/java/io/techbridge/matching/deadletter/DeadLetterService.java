package io.techbridge.matching.deadletter;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.PageResponse;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Counts, lists, shows and replays the messages of the platform's dead-letter topics. */
@ApplicationScoped
public class DeadLetterService {

    /** A listing reaches back this many messages at most (it reads each partition's newest ones). */
    public static final int LISTING_REACH = 10_000;

    private static final Comparator<DeadLetter> NEWEST_FIRST = Comparator
            .comparing(DeadLetter::timestamp, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparingInt(DeadLetter::partition)
            .thenComparing(Comparator.comparingLong(DeadLetter::offset).reversed());

    private final DeadLetterLog log;
    private final DeadLetterReplayRepository replays;
    private final DeadLetterReplays replayer;

    public DeadLetterService(DeadLetterLog log, DeadLetterReplayRepository replays, DeadLetterReplays replayer) {
        this.log = log;
        this.replays = replays;
        this.replayer = replayer;
    }

    /** Every dead-letter topic of the platform with its counts; one that does not exist yet holds 0. */
    @Transactional
    public DeadLetterViews.Topics topics() {
        Map<String, List<DeadLetterLog.Range>> ranges = log.ranges(DeadLetterTopics.ALL);
        List<DeadLetterViews.TopicSummary> summaries = new ArrayList<>();
        long notReplayed = 0;
        for (String topic : DeadLetterTopics.ALL) {
            List<DeadLetterLog.Range> held = ranges.get(topic);
            long total = 0;
            long replayed = 0;
            for (DeadLetterLog.Range range : held == null ? List.<DeadLetterLog.Range>of() : held) {
                total += range.held();
                if (range.held() > 0) {
                    replayed += replays.countReplayed(topic, range.partition(), range.start(), range.end());
                }
            }
            summaries.add(new DeadLetterViews.TopicSummary(topic, DeadLetterTopics.sourceOf(topic), held != null, total,
                    total - replayed));
            notReplayed += total - replayed;
        }
        return new DeadLetterViews.Topics(summaries, notReplayed);
    }

    /** A page of a topic's messages, newest first (by the time each was set aside). */
    @Transactional
    public PageResponse<DeadLetterViews.Message> list(String topic, PageRequest paging) {
        DeadLetterTopics.require(topic);
        long reach = (long) (paging.page() + 1) * paging.size();
        if (reach > LISTING_REACH) {
            throw Problems.invalidQuery("page", "Range", "must be at most " + (LISTING_REACH / paging.size() - 1)
                    + " for pages of " + paging.size() + ": a listing reaches back " + LISTING_REACH + " messages");
        }
        List<DeadLetterLog.Range> ranges = log.ranges(topic);
        long total = ranges.stream().mapToLong(DeadLetterLog.Range::held).sum();
        List<DeadLetter> candidates = new ArrayList<>(log.tails(topic, ranges, reach));
        candidates.sort(NEWEST_FIRST);
        int from = Math.min(candidates.size(), paging.page() * paging.size());
        List<DeadLetter> page = candidates.subList(from, Math.min(candidates.size(), from + paging.size()));
        Map<Integer, List<DeadLetter>> byPartition = page.stream().collect(Collectors.groupingBy(DeadLetter::partition));
        Map<String, List<DeadLetterReplay>> replaysOf = new HashMap<>();
        byPartition.forEach((partition, letters) -> replays.of(topic, partition,
                        letters.stream().map(DeadLetter::offset).toList())
                .forEach(r -> replaysOf.computeIfAbsent(r.dlqPartition + "/" + r.dlqOffset, k -> new ArrayList<>()).add(r)));
        return PageResponse.of(page, l -> DeadLetterViews.Message.of(l,
                replaysOf.getOrDefault(l.partition() + "/" + l.offset(), List.of()), false), paging, total);
    }

    /** One message, its value whole. */
    @Transactional
    public DeadLetterViews.Message get(String topic, int partition, long offset) {
        DeadLetter letter = find(topic, partition, offset);
        return DeadLetterViews.Message.of(letter, replays.of(topic, partition, offset), true);
    }

    /** Replays one message (once, unless {@code again}); answers it with the replay recorded. */
    public DeadLetterViews.Message replay(String topic, int partition, long offset, boolean again, String who) {
        DeadLetter letter = find(topic, partition, offset);
        replayer.replay(letter, again, who);
        return get(topic, partition, offset);
    }

    /** Replays every message of the topic never replayed, oldest first per partition. */
    public DeadLetterViews.ReplayAll replayAll(String topic, String who) {
        DeadLetterTopics.require(topic);
        List<DeadLetterLog.Range> ranges = log.ranges(topic);
        Map<Integer, Set<Long>> done = new HashMap<>();
        for (DeadLetterLog.Range range : ranges) {
            done.put(range.partition(), replayedOffsets(topic, range));
        }
        int[] counts = new int[2];
        log.readAll(topic, ranges, letter -> {
            if (done.getOrDefault(letter.partition(), Set.of()).contains(letter.offset())) {
                counts[1]++;
                return;
            }
            try {
                replayer.replay(letter, false, who);
                counts[0]++;
            } catch (ProblemException e) {
                if (e.problem().status() != 409) {
                    throw e;
                }
                counts[1]++; // replayed meanwhile by someone else
            }
        });
        return new DeadLetterViews.ReplayAll(topic, counts[0], counts[1]);
    }

    private Set<Long> replayedOffsets(String topic, DeadLetterLog.Range range) {
        return replays.replayedOffsets(topic, range.partition(), range.start());
    }

    private DeadLetter find(String topic, int partition, long offset) {
        DeadLetterTopics.require(topic);
        return log.read(topic, partition, offset)
                .orElseThrow(() -> Problems.notFound("dead letter", topic + "/" + partition + "/" + offset));
    }
}
