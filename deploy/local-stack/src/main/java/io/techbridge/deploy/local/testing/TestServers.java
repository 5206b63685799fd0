package io.techbridge.deploy.local.testing;

import io.techbridge.deploy.local.ElasticsearchServer;
import io.techbridge.deploy.local.KafkaServer;
import io.techbridge.deploy.local.PostgresServer;
import io.techbridge.deploy.local.StackSettings;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * The real servers a test JVM runs against: the ones named by the environment, or else a
 * PostgreSQL cluster and a Kafka broker this JVM starts on free ports under {@code target/} and
 * stops when it exits.
 */
public final class TestServers {

    private static final Random RANDOM = new Random();

    private static final java.util.Set<Integer> HANDED_OUT = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static TestServers instance;

    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private ElasticsearchServer elasticsearch;
    private final String externalJdbcBase;
    private final String externalKafka;

    private TestServers(PostgresServer postgres, KafkaServer kafka, String externalJdbcBase, String externalKafka) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.externalJdbcBase = externalJdbcBase;
        this.externalKafka = externalKafka;
    }

    public static synchronized TestServers get() {
        if (instance == null) {
            instance = create();
        }
        return instance;
    }

    private static TestServers create() {
        String jdbcBase = System.getenv("TECHBRIDGE_TEST_JDBC_BASE");
        String bootstrap = System.getenv("TECHBRIDGE_TEST_KAFKA");
        if (jdbcBase != null && !jdbcBase.isBlank() && bootstrap != null && !bootstrap.isBlank()) {
            return new TestServers(null, null, jdbcBase.replaceAll("/+$", ""), bootstrap);
        }
        Path projectDir = StackSettings.projectDirectory();
        Path home = Path.of("target", "real-servers").toAbsolutePath();
        RuntimeException firstFailure = null;
        // A second attempt on fresh ports: a port found free can still be taken before the server binds it.
        for (int attempt = 1; attempt <= 2; attempt++) {
            clearEarlierRun(projectDir, home);
            PostgresServer postgres = new PostgresServer(home.resolve("postgres"), freePort());
            KafkaServer kafka = new KafkaServer(projectDir, home.resolve("kafka"), freePort(), freePort(), "384m");
            try {
                kafka.start();
                postgres.start();
                kafka.awaitReady(Duration.ofMinutes(2));
            } catch (RuntimeException e) {
                System.err.println("Test servers failed to start (attempt " + attempt + "): " + e.getMessage());
                kafka.kill();
                postgres.stop();
                if (firstFailure == null) {
                    firstFailure = e;
                } else {
                    e.addSuppressed(firstFailure);
                    throw e;
                }
                continue;
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.stop();
                postgres.stop();
            }, "stop-test-servers"));
            return new TestServers(postgres, kafka, null, null);
        }
        throw firstFailure;
    }

    /** Each test run starts from empty servers; a crashed earlier run may have left its servers running. */
    private static void clearEarlierRun(Path projectDir, Path home) {
        if (!Files.exists(home)) {
            return;
        }
        new PostgresServer(home.resolve("postgres"), 0).stop();
        new KafkaServer(projectDir, home.resolve("kafka"), 0, 0, "0").kill();
        new ElasticsearchServer(projectDir, home.resolve("elasticsearch"), 0, 0, "0").process().kill();
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new IllegalStateException("cannot clear " + home, e);
        }
    }

    /** Whether this JVM started the servers, and so may stop and restart them in a test. */
    public boolean managed() {
        return postgres != null;
    }

    public String jdbcUrl(String database) {
        if (managed()) {
            postgres.ensureDatabase(database);
            return postgres.jdbcUrl(database);
        }
        return externalJdbcBase + "/" + database;
    }

    public String kafkaBootstrapServers() {
        return managed() ? kafka.bootstrapServers() : externalKafka;
    }

    public String databaseUser() {
        return managed() ? PostgresServer.SUPERUSER : System.getenv().getOrDefault("TECHBRIDGE_TEST_DB_USER", "techbridge");
    }

    public String databasePassword() {
        return managed() ? "" : System.getenv().getOrDefault("TECHBRIDGE_TEST_DB_PASSWORD", "");
    }

    /**
     * An Elasticsearch node, started on first use (only the matching tests need one), or the one
     * named by {@code TECHBRIDGE_TEST_ELASTICSEARCH} (host:port).
     */
    public synchronized String elasticsearchHosts() {
        String external = System.getenv("TECHBRIDGE_TEST_ELASTICSEARCH");
        if (external != null && !external.isBlank()) {
            return external;
        }
        if (elasticsearch == null) {
            Path home = Path.of("target", "real-servers", "elasticsearch").toAbsolutePath();
            int port = freePort();
            ElasticsearchServer node = new ElasticsearchServer(StackSettings.projectDirectory(), home, port, freePort(), "512m");
            node.start();
            Runtime.getRuntime().addShutdownHook(new Thread(node::stop, "stop-test-elasticsearch"));
            node.awaitReady(Duration.ofMinutes(3));
            elasticsearch = node;
        }
        return elasticsearch.url().replace("http://", "");
    }

    public Optional<KafkaServer> kafka() {
        return Optional.ofNullable(kafka);
    }

    public Optional<PostgresServer> postgres() {
        return Optional.ofNullable(postgres);
    }

    /**
     * A port free now, below the kernel's ephemeral range (32768 and up), so that no outgoing
     * connection of this machine can take it before the server binds it.
     */
    public static int freePort() {
        for (int tries = 0; tries < 200; tries++) {
            int candidate = 20000 + RANDOM.nextInt(12000);
            // A port handed out is free only until its server binds it: never hand it out twice in one run.
            if (!HANDED_OUT.add(candidate)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress("0.0.0.0", candidate));
                return candidate;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }
}
