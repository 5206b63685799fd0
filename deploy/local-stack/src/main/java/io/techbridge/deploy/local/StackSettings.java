package io.techbridge.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Ports, folders and memory of the local stack; every value can be overridden by an environment variable. */
public record StackSettings(
        Path projectDir,
        Path dataDir,
        int postgresPort,
        int kafkaPort,
        int kafkaControllerPort,
        int elasticsearchPort,
        int elasticsearchTransportPort,
        int gatewayPort,
        int gatewayManagementPort,
        int achievementPort,
        int demandPort,
        int matchingPort,
        int smtpPort,
        int imapPort,
        int mailWebPort,
        boolean traceFiles, int clusterKafkaPartitions) {

    /** Ports of the second instance of a service or gateway: the first's plus this. */
    public static final int INSTANCE_PORT_STEP = 100;
    /** Ports of Kafka broker n and Elasticsearch node n of a cluster: the first's plus (n - 1) times this. */
    public static final int NODE_PORT_STEP = 10;

    public static StackSettings fromEnvironment(Map<String, String> env) {
        Path projectDir = Path.of(env.getOrDefault("TECHBRIDGE_PROJECT_DIR", projectDirectory().toString()))
                .toAbsolutePath().normalize();
        Path dataDir = Path.of(env.getOrDefault("TECHBRIDGE_DATA_DIR", projectDir.resolve("deploy/local/data").toString()))
                .toAbsolutePath().normalize();
        return new StackSettings(projectDir, dataDir,
                port(env, "TECHBRIDGE_PG_PORT", 15432),
                port(env, "TECHBRIDGE_KAFKA_PORT", 9092),
                port(env, "TECHBRIDGE_KAFKA_CONTROLLER_PORT", 9093),
                port(env, "TECHBRIDGE_ES_PORT", 9200),
                port(env, "TECHBRIDGE_ES_TRANSPORT_PORT", 9300),
                port(env, "TECHBRIDGE_GATEWAY_PORT", 8080),
                port(env, "TECHBRIDGE_GATEWAY_MANAGEMENT_PORT", 9000),
                port(env, "TECHBRIDGE_ACHIEVEMENT_PORT", 8081),
                port(env, "TECHBRIDGE_DEMAND_PORT", 8082),
                port(env, "TECHBRIDGE_MATCHING_PORT", 8083),
                port(env, "TECHBRIDGE_SMTP_PORT", 3025),
                port(env, "TECHBRIDGE_IMAP_PORT", 3143),
                port(env, "TECHBRIDGE_MAIL_WEB_PORT", 8025),
                // The services' spans go to <data>/traces unless this is false.
                !"false".equalsIgnoreCase(env.getOrDefault("TECHBRIDGE_TRACING_FILE_ENABLED", "true").trim()),
                positive(env, "TECHBRIDGE_KAFKA_PARTITIONS", 6));
    }

    /**
     * The project's root: the system property set by the build or the scripts, else the nearest
     * folder upwards from the working directory that holds {@code deploy/local}.
     */
    public static Path projectDirectory() {
        String fromProperty = System.getProperty("techbridge.project.dir");
        if (fromProperty != null && !fromProperty.isBlank()) {
            return Path.of(fromProperty);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/local")) && Files.exists(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the TechBridge project folder; set TECHBRIDGE_PROJECT_DIR");
    }

    private static int positive(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < 1) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a positive number, not '" + value + "'");
        }
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.trim());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a port number (1-65535), not '" + value + "'");
        }
    }
}
