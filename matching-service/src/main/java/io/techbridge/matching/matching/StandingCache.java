package io.techbridge.matching.matching;

import io.techbridge.matching.search.DemandDocument;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The standing of recently ranked demands, per demand version, for at most a minute: new
 * achievements move it, and a minute-old view is what a broker would see as current anyway.
 */
final class StandingCache {

    private static final int MAX_DEMANDS = 20_000;
    private static final long TTL_MILLIS = 60_000;

    private record Cached(Matcher.Standing standing, long at) {
    }

    private final Map<String, Cached> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
            return size() > MAX_DEMANDS;
        }
    };

    synchronized Matcher.Standing get(DemandDocument demand) {
        Cached entry = entries.get(key(demand));
        if (entry == null || System.currentTimeMillis() - entry.at() > TTL_MILLIS) {
            return null;
        }
        return entry.standing();
    }

    synchronized void put(DemandDocument demand, Matcher.Standing standing) {
        entries.put(key(demand), new Cached(standing, System.currentTimeMillis()));
    }

    private static String key(DemandDocument demand) {
        return demand.id() + "@" + demand.version();
    }
}
