package io.techbridge.gateway;

import io.techbridge.gateway.auth.LoginThrottle;
import io.techbridge.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The wait after each failure in a row: none for the free ones, then doubling to the cap. */
class LoginThrottleDelayTest {

    private static final GatewayConfig.LoginThrottling DEFAULTS = new GatewayConfig.LoginThrottling() {
        public int freeFailures() {
            return 5;
        }

        public Duration firstDelay() {
            return Duration.ofSeconds(1);
        }

        public Duration maxDelay() {
            return Duration.ofMinutes(5);
        }

        public Duration forgetAfter() {
            return Duration.ofHours(1);
        }
    };

    @Test
    void theFirstFiveFailuresCostNothingThenEachDoublesTheWaitUpToFiveMinutes() {
        long[] expectedSeconds = {0, 0, 0, 0, 0, 1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300};
        for (int failures = 1; failures <= expectedSeconds.length; failures++) {
            assertEquals(Duration.ofSeconds(expectedSeconds[failures - 1]), LoginThrottle.delayAfter(DEFAULTS, failures),
                    "after failure " + failures);
        }
        assertEquals(Duration.ofMinutes(5), LoginThrottle.delayAfter(DEFAULTS, Integer.MAX_VALUE));
    }
}
