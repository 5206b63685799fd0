package io.techbridge.matching.matching;

import io.techbridge.matching.search.AchievementDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where the achievements' neighbourhoods (each version's nearest open demands) outlive a process:
 * finding them again is a vector read and a kNN search per achievement, which a restarted instance, or
 * a second one, would otherwise pay in the first ranking of every demand. The service keeps them in
 * its database ({@code achievement_neighbourhood}); the tools keep none beyond memory.
 */
public interface NeighbourhoodStore {

    /** How long a found neighbourhood is used: demands posted since count in it only once it is found again. */
    Duration KEPT_FOR = Duration.ofHours(1);

    /** A neighbourhood as found, and when. */
    record Stored(List<Neighbour> nearest, Instant computedAt) {
    }

    /** The stored neighbourhoods of the given achievements' current versions found after {@code since}, by achievement id. */
    Map<String, Stored> find(Collection<AchievementDocument> achievements, Instant since);

    /** Keeps neighbourhoods found at the given time, by achievement. */
    void save(Map<AchievementDocument, List<Neighbour>> found, Instant at);

    /** Nothing kept beyond the matcher's memory. */
    static NeighbourhoodStore none() {
        return new NeighbourhoodStore() {
            @Override
            public Map<String, Stored> find(Collection<AchievementDocument> achievements, Instant since) {
                return Map.of();
            }

            @Override
            public void save(Map<AchievementDocument, List<Neighbour>> found, Instant at) {
                // the memory in front is all there is
            }
        };
    }
}
