package io.techbridge.deploy.smoke;

import io.techbridge.deploy.local.StackSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Path;
import java.util.Map;

/**
 * The API fuzzer ({@link ApiFuzz}) on a stack of its own (or, with
 * {@code -Dtechbridge.fuzz.stack=running}, on the one {@code deploy/local/up} started), for longer
 * runs and other seeds. The build's test run leaves it out and fuzzes inside
 * {@link LocalStackSmokeTest}, on that test's stack; run it with
 * {@code ./mvnw verify -pl deploy/local-smoke -Dtest=OpenApiFuzzTest}. Settings (system
 * properties): {@code techbridge.fuzz.requests} (10,000), {@code techbridge.fuzz.seed},
 * {@code techbridge.fuzz.threads} (8).
 *
 * <p>The stack runs with the gateway's rate limits raised: the fuzzer sends thousands of requests a
 * minute from one address, and every one of them should reach the services (the limits themselves
 * are tested in the gateway's own tests).
 */
class OpenApiFuzzTest {

    static final Map<String, String> RAISED_LIMITS = Map.of(
            "TECHBRIDGE_RATE_LIMIT_PER_ADDRESS", "10000000",
            "TECHBRIDGE_RATE_LIMIT_PER_ACCOUNT", "10000000",
            "TECHBRIDGE_RATE_LIMIT_LOGIN", "10000000");

    private static StoredState.Urls urls;
    private static Path keys;
    private static ConsoleStack stack;

    @RegisterExtension
    static final BeforeAllCallback PLATFORM = context -> {
        if ("running".equals(System.getProperty("techbridge.fuzz.stack"))) {
            StackSettings running = StackSettings.fromEnvironment(System.getenv());
            urls = new StoredState.Urls("http://localhost:" + running.gatewayPort(), "http://localhost:" + running.achievementPort(),
                    "http://localhost:" + running.demandPort(), "http://localhost:" + running.matchingPort());
            keys = running.dataDir().resolve("keys");
        } else {
            stack = ConsoleStack.up(Path.of("target", "fuzz-data"), RAISED_LIMITS);
            urls = new StoredState.Urls(stack.gatewayUrl(), stack.serviceUrl("ACHIEVEMENT"), stack.serviceUrl("DEMAND"),
                    stack.serviceUrl("MATCHING"));
            keys = stack.dataDir().resolve("keys");
        }
    };

    @AfterAll
    static void stopStack() throws Exception {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyOperationRefusesBadInputWithoutAServerErrorAndStoresNothingItRefused() throws Exception {
        ApiFuzz.run(urls, keys, Integer.getInteger("techbridge.fuzz.requests", 10_000),
                Long.getLong("techbridge.fuzz.seed", ApiFuzz.SEED), Integer.getInteger("techbridge.fuzz.threads", 8));
    }
}
