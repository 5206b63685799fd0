package io.techbridge.gateway;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.testing.TestServers;
import io.techbridge.deploy.local.testing.TestTokens;
import io.techbridge.gateway.routing.GatewayInstances;
import io.techbridge.gateway.routing.SharedTokenBuckets;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The rate limits are held in the gateway's database: this gateway and another instance (its
 * buckets, on its own connection to the same PostgreSQL) spend from the same ones. With the database
 * stopped the gateway still answers, holding the limits in memory.
 */
@QuarkusTest
@GatewayServers
@TestProfile(ConstrainedProfile.class)
class SharedRateLimitTest {

    private static final Duration WINDOW = Duration.ofMinutes(10);

    @Inject
    AgroalDataSource dataSource;

    @Inject
    GatewayInstances instances;

    @Inject
    MeterRegistry registry;

    @Test
    void twoInstancesTogetherRefuseTheRequestPastAnAccountsLimit() throws SQLException {
        SharedTokenBuckets otherInstance = new SharedTokenBuckets(otherConnection(), WINDOW);
        String subject = UUID.randomUUID().toString();
        String account = token(subject);
        int here = 0;
        int there = 0;
        for (int i = 0; i < ConstrainedProfile.PER_ACCOUNT; i++) {
            if (i % 2 == 0) {
                given().header("Authorization", account).when().get("/api/matches").then().statusCode(200);
                here++;
            } else {
                assertEquals(0, otherInstance.tryTake("account:" + subject, ConstrainedProfile.PER_ACCOUNT),
                        "the other instance may take token " + (i + 1));
                there++;
            }
        }
        assertTrue(here > 0 && there > 0, "both instances spent: " + here + " here, " + there + " there");
        String retryAfter = given().header("Authorization", account).when().get("/api/matches").then().statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .extract().header("Retry-After");
        // One token of 5 per 10 minutes comes back every 120 s.
        assertTrue(Long.parseLong(retryAfter) <= 120, "at most the time to the next token: " + retryAfter);
        long wait = otherInstance.tryTake("account:" + subject, ConstrainedProfile.PER_ACCOUNT);
        assertTrue(wait >= 1 && wait <= 120, "the other instance refuses it too, with a wait: " + wait);
    }

    @Test
    void whileAnotherInstanceIsLiveThisOneStillAllowsTheWholeLimit() throws Exception {
        UUID other = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO gateway_instance (id, started_at, seen_at) VALUES (?, now(), now() + interval '5 minutes')")) {
            insert.setObject(1, other);
            insert.executeUpdate();
        }
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> instances.count() == 2);
            // Not half of it: the other instance spends from the same buckets.
            assertEquals(ConstrainedProfile.PER_ACCOUNT, acceptedOfAFreshAccount());
        } finally {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement delete = connection.prepareStatement("DELETE FROM gateway_instance WHERE id = ?")) {
                delete.setObject(1, other);
                delete.executeUpdate();
            }
        }
    }

    @Test
    void withTheDatabaseStoppedRequestsAreStillAnsweredAndLimitedInMemory() throws Exception {
        PostgresServer postgres = TestServers.get().postgres().orElse(null);
        assumeTrue(postgres != null, "the database is not one these tests started, so they cannot stop it");
        await().atMost(Duration.ofSeconds(30)).until(() -> instances.count() == 1);
        double outages = counter("techbridge.gateway.rate.limit.outages");
        double inMemory = counter("techbridge.gateway.rate.limit.in.memory");
        postgres.stop();
        try {
            // This instance alone is live: it holds the whole limit in memory.
            assertEquals(ConstrainedProfile.PER_ACCOUNT, acceptedOfAFreshAccount());
            assertEquals(outages + 1, counter("techbridge.gateway.rate.limit.outages"), "one outage, counted once");
            assertTrue(counter("techbridge.gateway.rate.limit.in.memory") >= inMemory + ConstrainedProfile.PER_ACCOUNT + 1,
                    "every request of the outage was checked in memory");
        } finally {
            postgres.start();
        }
        // Back on the database: a new account's token is spent from its row.
        String subject = UUID.randomUUID().toString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            given().header("Authorization", token(subject)).when().get("/api/matches").then().statusCode(200);
            return bucketExists("account:" + subject);
        });
    }

    @Test
    void bucketsIdleForAWholeWindowAreDeletedAndActiveOnesKept() throws SQLException {
        String idle = "account:idle-" + UUID.randomUUID();
        String active = "account:active-" + UUID.randomUUID();
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rate_limit_bucket (bucket_key, tokens, updated_at, granted) VALUES (?, 1, now() - ?::interval, true)")) {
            insert.setString(1, idle);
            insert.setString(2, "11 minutes");
            insert.executeUpdate();
            insert.setString(1, active);
            insert.setString(2, "9 minutes");
            insert.executeUpdate();
        }
        new SharedTokenBuckets(dataSource, WINDOW).forgetIdle(1000);
        assertTrue(!bucketExists(idle), "the bucket idle for more than the window is gone");
        assertTrue(bucketExists(active), "the bucket used within the window is kept");
    }

    private boolean bucketExists(String key) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT 1 FROM rate_limit_bucket WHERE bucket_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    private double counter(String name) {
        return registry.get(name).counter().count();
    }

    /** A connection of its own to the gateway's database, as another instance has. */
    private static PGSimpleDataSource otherConnection() {
        var config = ConfigProvider.getConfig();
        PGSimpleDataSource other = new PGSimpleDataSource();
        other.setURL(config.getValue("quarkus.datasource.jdbc.url", String.class));
        other.setUser(config.getValue("quarkus.datasource.username", String.class));
        config.getOptionalValue("quarkus.datasource.password", String.class).ifPresent(other::setPassword);
        return other;
    }

    /** How many requests in a row a new account gets before a 429. */
    private static int acceptedOfAFreshAccount() {
        String account = token(UUID.randomUUID().toString());
        int accepted = 0;
        while (accepted <= ConstrainedProfile.PER_ACCOUNT
                && given().header("Authorization", account).when().get("/api/matches").then().extract().statusCode() == 200) {
            accepted++;
        }
        return accepted;
    }

    private static String token(String subject) {
        long now = System.currentTimeMillis() / 1000;
        return TestTokens.bearer(TestTokens.sign(Map.of("iss", "techbridge", "sub", subject, "upn", "limited-" + subject,
                "groups", List.of("broker"), "org", TestTokens.BROKER_ORGANISATION, "orgType", "BROKER_AGENCY",
                "iat", now, "exp", now + 3600)));
    }
}
