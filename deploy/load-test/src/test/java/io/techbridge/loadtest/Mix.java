package io.techbridge.loadtest;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The request types of the mix and their shares (percent of arrivals): public reads and search
 * 60, rankings 20, writes 15, broker decisions 5. The names are the request names of the report.
 */
public final class Mix {
    public static final String SEARCH = "search";
    public static final String READ_ACHIEVEMENT = "read achievement";
    public static final String READ_DEMAND = "read demand";
    public static final String LIST_ACHIEVEMENTS = "list achievements";
    public static final String RANK_DEMAND = "ranking demand";
    public static final String RANK_ACHIEVEMENT = "ranking achievement";
    public static final String CREATE_ACHIEVEMENT = "create achievement";
    public static final String CREATE_DEMAND = "create demand";
    public static final String UPDATE_ACHIEVEMENT = "update achievement";
    public static final String UPDATE_DEMAND = "update demand";
    /** The broker's look at the queue that precedes each decision. */
    public static final String QUEUE = "decision queue";
    public static final String DECIDE = "decision";

    /** Share of the arrivals, by the first request each arrival sends. */
    public static final Map<String, Double> SHARES = shares();

    private Mix() {
    }

    private static Map<String, Double> shares() {
        Map<String, Double> shares = new LinkedHashMap<>();
        // public reads and search: 60
        shares.put(SEARCH, 30.0);
        shares.put(READ_ACHIEVEMENT, 12.0);
        shares.put(READ_DEMAND, 12.0);
        shares.put(LIST_ACHIEVEMENTS, 6.0);
        // rankings as a broker: 20
        shares.put(RANK_DEMAND, 10.0);
        shares.put(RANK_ACHIEVEMENT, 10.0);
        // writes as a university office or an enterprise: 15
        shares.put(CREATE_ACHIEVEMENT, 4.0);
        shares.put(CREATE_DEMAND, 4.0);
        shares.put(UPDATE_ACHIEVEMENT, 3.5);
        shares.put(UPDATE_DEMAND, 3.5);
        // broker decisions (the queue, then a decision on one of its proposals): 5
        shares.put(QUEUE, 5.0);
        return Collections.unmodifiableMap(shares);
    }

    public static double group(String... names) {
        double sum = 0;
        for (String name : names) {
            sum += SHARES.getOrDefault(name, 0.0);
        }
        return sum;
    }
}
