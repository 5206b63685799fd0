package io.techbridge.matching.webhook;

import io.techbridge.matching.config.WebhookConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Where production lets a subscriber's URL point: https, public addresses only, nothing hidden in the URL. */
class WebhookTargetsTest {

    private static final WebhookTargets PRODUCTION = new WebhookTargets(config(false, true));

    @ParameterizedTest
    @ValueSource(strings = {
            "https://127.0.0.1/hook", "https://localhost:9200/_bulk", "https://10.1.2.3/hook", "https://172.20.0.5/hook",
            "https://192.168.1.10/hook", "https://169.254.169.254/latest/meta-data", "https://100.64.0.1/hook",
            "https://0.0.0.0/hook", "https://[::1]/hook", "https://[fc00::1]/hook", "https://[fe80::1]/hook",
            "https://[::ffff:127.0.0.1]/hook", "https://198.18.0.1/hook", "https://240.0.0.1/hook"})
    void anAddressInsideAnyNetworkIsRefused(String url) {
        String why = PRODUCTION.refusal(url).orElseThrow(() -> new AssertionError(url + " was allowed"));
        assertTrue(why.contains("loopback, private or link-local") || why.contains("is not known"), why);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://93.184.216.34/hook", "ftp://93.184.216.34/hook", "https://user:secret@93.184.216.34/hook",
            "https://93.184.216.34/hook#part", "https:///hook", "not a url", ""})
    void aUrlThatIsNotPlainHttpsIsRefused(String url) {
        assertTrue(PRODUCTION.refusal(url).isPresent(), url + " was allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "https://[2606:2800:220:1:248:1893:25c8:1946]/hook?x=1",
            "https://8.8.8.8:8443/techbridge/events"})
    void aPublicHttpsAddressIsAllowed(String url) {
        assertEquals(java.util.Optional.empty(), PRODUCTION.refusal(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8099/hook", "http://localhost/hook"})
    void aDevelopersMachineMayDeliverToItself(String url) {
        assertEquals(java.util.Optional.empty(), new WebhookTargets(config(true, false)).refusal(url));
    }

    private static WebhookConfig config(boolean allowPrivate, boolean requireHttps) {
        return new WebhookConfig() {
            public int senders() { return 1; }
            public Duration timeout() { return Duration.ofSeconds(10); }
            public Duration initialDelay() { return Duration.ofSeconds(30); }
            public Duration maxDelay() { return Duration.ofHours(6); }
            public int maxAttempts() { return 16; }
            public int pauseAfterFailures() { return 20; }
            public int maxPerOrganisation() { return 20; }
            public boolean allowPrivateTargets() { return allowPrivate; }
            public boolean requireHttps() { return requireHttps; }
        };
    }
}
