package io.techbridge.matching.deadletter;

import io.techbridge.commons.problem.Problems;
import io.techbridge.events.Topics;

import java.util.List;

/** The dead-letter topics of the platform: {@code <topic>.dlq} of every topic it uses, whether or not one exists yet. */
public final class DeadLetterTopics {

    public static final String SUFFIX = ".dlq";

    /** Every dead-letter topic, in the order of {@link Topics#ALL}. */
    public static final List<String> ALL = Topics.ALL.stream().map(Topics::deadLetters).toList();

    private DeadLetterTopics() {
    }

    /** The dead-letter topic a path names, or 404: only the platform's own are shown or replayed. */
    public static String require(String name) {
        if (name == null || !ALL.contains(name)) {
            throw Problems.notFound("dead-letter topic", name);
        }
        return name;
    }

    /** The topic a dead-letter topic's messages came from, and go back to on a replay. */
    public static String sourceOf(String deadLetterTopic) {
        return deadLetterTopic.substring(0, deadLetterTopic.length() - SUFFIX.length());
    }
}
