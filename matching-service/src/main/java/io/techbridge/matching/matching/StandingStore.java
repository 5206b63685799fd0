package io.techbridge.matching.matching;

import io.techbridge.matching.search.DemandDocument;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the standing of each demand version is kept between rankings, so a pair scored from the
 * achievement's side is measured against its demand's competition without ranking the demand
 * again. The service keeps it in its database ({@code demand_standing}); the tools in memory.
 */
public interface StandingStore {

    /** The stored standings of the given demands' current versions, by demand id; absent ones are missing. */
    Map<String, Standing> find(Collection<DemandDocument> demands);

    /** Keeps a complete standing; an incomplete one is not kept. */
    void save(DemandDocument demand, Standing standing);

    /** A bounded in-memory store, for the tools and as the front of the database store. */
    static StandingStore inMemory(int capacity) {
        return new StandingStore() {
            private final Map<String, Standing> entries = new LinkedHashMap<>(1024, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Standing> eldest) {
                    return size() > capacity;
                }
            };

            @Override
            public synchronized Map<String, Standing> find(Collection<DemandDocument> demands) {
                Map<String, Standing> found = new HashMap<>();
                for (DemandDocument demand : demands) {
                    Standing standing = entries.get(key(demand));
                    if (standing != null) {
                        found.put(demand.id(), standing);
                    }
                }
                return found;
            }

            @Override
            public synchronized void save(DemandDocument demand, Standing standing) {
                if (standing.complete()) {
                    entries.put(key(demand), standing);
                }
            }

            private static String key(DemandDocument demand) {
                return demand.id() + "@" + demand.version();
            }
        };
    }
}
