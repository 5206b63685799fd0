package io.techbridge.loadtest;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a load run is told by deploy/local/load, as system properties: the gateway, the demo
 * accounts, the arrival rate (requests per second, each arrival one request of the mix) and how
 * long it lasts.
 */
public record LoadSettings(
        String gatewayUrl,
        Path accountsFile,
        Path demoDir,
        double rate,
        Duration duration,
        Duration ramp) {

    public static LoadSettings fromSystemProperties() {
        return new LoadSettings(
                System.getProperty("load.gatewayUrl", "http://localhost:8080"),
                Path.of(System.getProperty("load.accounts", "deploy/local/data/demo-accounts.json")),
                Path.of(System.getProperty("load.demoDir", "deploy/local/demo")),
                Double.parseDouble(System.getProperty("load.rate", "10")),
                seconds(System.getProperty("load.duration", "300")),
                seconds(System.getProperty("load.ramp", "0")));
    }

    /** "300", "300s" or "5m". */
    static Duration seconds(String value) {
        String v = value.trim().toLowerCase();
        if (v.endsWith("m")) {
            return Duration.ofSeconds(Math.round(Double.parseDouble(v.substring(0, v.length() - 1)) * 60));
        }
        if (v.endsWith("s")) {
            v = v.substring(0, v.length() - 1);
        }
        return Duration.ofSeconds(Math.round(Double.parseDouble(v)));
    }
}
