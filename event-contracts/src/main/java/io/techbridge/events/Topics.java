package io.techbridge.events;

import java.util.List;

/** The topics TechBridge publishes on, each keyed by aggregate id; a consumer's poison goes to {@code <topic>.dlq}. */
public final class Topics {

    public static final String ACHIEVEMENT_EVENTS = "achievement-events";
    public static final String DEMAND_EVENTS = "demand-events";
    public static final String CHALLENGE_EVENTS = "challenge-events";
    public static final String MATCH_EVENTS = "match-events";
    public static final String INVITATION_EVENTS = "invitation-events";
    public static final String IMPORT_EVENTS = "import-events";

    /** Every topic that carries events (not the dead-letter topics). */
    public static final List<String> ALL = List.of(ACHIEVEMENT_EVENTS, DEMAND_EVENTS, CHALLENGE_EVENTS, MATCH_EVENTS,
            INVITATION_EVENTS, IMPORT_EVENTS);

    private Topics() {
    }

    public static String deadLetters(String topic) {
        return topic + ".dlq";
    }
}
