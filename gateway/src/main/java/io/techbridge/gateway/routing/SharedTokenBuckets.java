package io.techbridge.gateway.routing;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Token buckets kept in the gateway's database (table {@code rate_limit_bucket}), so that every
 * gateway instance spends from the same ones. One statement per check refills the bucket for the
 * time since its last check and takes a token if a whole one is there, all on the database's clock:
 * the instances' clocks play no part, and concurrent checks of one key queue on its row. A missing
 * row is a full bucket; one idle for a whole window is full again, so {@link #forgetIdle} deletes it.
 */
public final class SharedTokenBuckets {

    private static final String TAKE = """
            INSERT INTO rate_limit_bucket AS b (bucket_key, tokens, updated_at, granted)
            VALUES (?, ?::float8 - 1, clock_timestamp(), true)
            ON CONFLICT (bucket_key) DO UPDATE SET (tokens, granted, updated_at) = (
                SELECT CASE WHEN r.available >= 1 THEN r.available - 1 ELSE r.available END, r.available >= 1,
                       excluded.updated_at
                FROM (SELECT LEAST(?::float8, b.tokens + ?::float8
                        * GREATEST(0, EXTRACT(EPOCH FROM excluded.updated_at - b.updated_at)::float8)) AS available) r)
            RETURNING tokens, granted""";
    // The outer condition is checked again on a row another check updated meanwhile, which then stays.
    private static final String FORGET = """
            DELETE FROM rate_limit_bucket WHERE updated_at < clock_timestamp() - make_interval(secs => ?)
            AND bucket_key IN (SELECT bucket_key FROM rate_limit_bucket
                               WHERE updated_at < clock_timestamp() - make_interval(secs => ?) LIMIT ?)""";
    /** A check that takes longer is given up (and the caller falls back), rather than holding the request. */
    private static final int QUERY_TIMEOUT_SECONDS = 2;

    private final DataSource dataSource;
    private final Duration window;

    public SharedTokenBuckets(DataSource dataSource, Duration window) {
        this.dataSource = dataSource;
        this.window = window;
    }

    /**
     * Takes a token of {@code key}'s bucket, which holds {@code capacity} and refills that many per
     * window: 0 when the request may go on, else the whole seconds until the next token (at least 1).
     */
    public long tryTake(String key, int capacity) throws SQLException {
        double perSecond = capacity / (window.toNanos() / 1e9);
        try (Connection connection = dataSource.getConnection(); PreparedStatement take = connection.prepareStatement(TAKE)) {
            take.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
            take.setString(1, key);
            take.setDouble(2, capacity);
            take.setDouble(3, capacity);
            take.setDouble(4, perSecond);
            try (ResultSet row = take.executeQuery()) {
                row.next();
                if (row.getBoolean(2)) {
                    return 0;
                }
                double missing = 1 - row.getDouble(1);
                return Math.max(1, (long) Math.ceil(missing / perSecond));
            }
        }
    }

    /** Deletes up to {@code batch} buckets idle for a whole window (full again); returns how many. */
    public int forgetIdle(int batch) throws SQLException {
        double seconds = window.toNanos() / 1e9;
        try (Connection connection = dataSource.getConnection(); PreparedStatement forget = connection.prepareStatement(FORGET)) {
            forget.setDouble(1, seconds);
            forget.setDouble(2, seconds);
            forget.setInt(3, batch);
            return forget.executeUpdate();
        }
    }
}
