package io.techbridge.deploy.local;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * An Apache Kafka broker in KRaft mode (broker and controller in one process), from Maven Central
 * jars: alone (node 1, a quorum of itself, replication factor 1), or one node of a cluster whose
 * brokers are all controllers too (a quorum of voters, replicated topics).
 */
public final class KafkaServer {

    /**
     * The cluster a broker belongs to: its controller voters ({@code id@host:port}, comma-separated),
     * how many copies of each partition it keeps and how many must have a write before it counts,
     * and the partitions of a topic created on first use.
     */
    public record Cluster(String clusterId, String voters, int replicationFactor, int minInsyncReplicas, int partitions) {
    }

    private final Path projectDir;
    private final Path home;
    private final int nodeId;
    private final int port;
    private final int controllerPort;
    private final String heap;
    private final Cluster cluster;
    private final ManagedProcess process;
    private long serverLogOffset;

    public KafkaServer(Path projectDir, Path home, int port, int controllerPort, String heap) {
        this(projectDir, home, "kafka", 1, port, controllerPort, heap, null);
    }

    /** Node {@code nodeId} of {@code cluster}, whose process is called {@code name}. */
    public KafkaServer(Path projectDir, Path home, String name, int nodeId, int port, int controllerPort, String heap,
            Cluster cluster) {
        this.projectDir = projectDir;
        this.home = home.toAbsolutePath();
        this.nodeId = nodeId;
        this.port = port;
        this.controllerPort = controllerPort;
        this.heap = heap;
        this.cluster = cluster;
        this.process = new ManagedProcess(name, this.home, this.home.resolve("kafka.log"));
    }

    public int port() {
        return port;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public ManagedProcess process() {
        return process;
    }

    public boolean isRunning() {
        return process.running().isPresent();
    }

    public void start() {
        if (isRunning()) {
            return;
        }
        String classpath = JavaCommand.moduleClasspath(projectDir, "kafka-node");
        Path properties = writeProperties();
        if (!Files.exists(home.resolve("data").resolve("meta.properties"))) {
            // One argument: a random id may start with "-", which would read as an option.
            List<String> format = new java.util.ArrayList<>(List.of(JavaCommand.javaBinary(), "-cp", classpath,
                    "-Dkafka.logs.dir=" + home, "kafka.tools.StorageTool", "format",
                    "--cluster-id=" + (cluster == null ? newClusterId() : cluster.clusterId()), "-c", properties.toString()));
            if (cluster == null) {
                // A quorum of this one controller; a cluster's voters are fixed by controller.quorum.voters.
                format.add("--standalone");
            }
            Commands.runOrFail(format);
        }
        serverLogOffset = sizeOf(home.resolve("server.log"));
        process.start(JavaCommand.command(process, home.resolve("java.args"), classpath,
                        List.of("-Xms64m", "-Xmx" + heap, "-XX:+UseG1GC", "-Djava.awt.headless=true",
                                "-Dkafka.logs.dir=" + home),
                        "kafka.Kafka", List.of(properties.toString())),
                Map.of(), home);
    }

    public void awaitReady(Duration timeout) {
        Wait.until(process.name() + " on port " + port, timeout, () -> {
            if (!isRunning()) {
                throw new IllegalStateException(process.name() + " exited; see " + process.logFile() + " and " + home.resolve("server.log"));
            }
            return Wait.portOpen(port) && serverLogSays("Kafka Server started");
        });
    }

    public void stop() {
        process.stop(Duration.ofSeconds(60));
    }

    /** Kills the broker as a crash or an outage would; the data stays. */
    public void kill() {
        process.kill();
    }

    /** Looks only at what this start wrote, as an earlier run's log says the same words. */
    private boolean serverLogSays(String text) {
        Path log = home.resolve("server.log");
        try {
            if (!Files.exists(log)) {
                return false;
            }
            String content = Files.readString(log);
            long from = content.length() >= serverLogOffset ? serverLogOffset : 0;
            return content.substring((int) Math.min(from, content.length())).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file).length() : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    private Path writeProperties() {
        String properties = cluster == null ? singleProperties() : clusterProperties();
        try {
            Files.createDirectories(home);
            Path file = home.resolve("server.properties");
            Files.writeString(file, properties);
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot write Kafka properties under " + home, e);
        }
    }

    private String clusterProperties() {
        return """
                # Written by the local stack on each start; edit the launcher, not this file.
                process.roles=broker,controller
                node.id=%4$d
                controller.quorum.voters=%5$s
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=%8$d
                auto.create.topics.enable=true
                # Every partition on every broker; a write (acks=all) counts once min.insync.replicas have it,
                # so one broker may be lost without losing or refusing anything.
                default.replication.factor=%6$d
                min.insync.replicas=%7$d
                offsets.topic.replication.factor=%6$d
                transaction.state.log.replication.factor=%6$d
                transaction.state.log.min.isr=%7$d
                share.coordinator.state.topic.replication.factor=%6$d
                share.coordinator.state.topic.min.isr=%7$d
                unclean.leader.election.enable=false
                # A broker that stops fetching leaves the in-sync replicas after 5 s (default 30 s): until then a
                # write waits for it. The outbox relays give a send 60 s, so the acknowledgement comes to the
                # same send (idempotent producer) rather than to a second copy sent after a timeout.
                replica.lag.time.max.ms=5000
                # The three start together; on a busy machine their quorum took longer than the 60 s a broker
                # waits by default to register with it before it gives up and exits.
                initial.broker.registration.timeout.ms=300000
                group.initial.rebalance.delay.ms=0
                # Events are the source of a reindex, so they are kept for good.
                log.retention.ms=-1
                log.retention.bytes=-1
                """.formatted(port, controllerPort, home.resolve("data"), nodeId, cluster.voters(),
                cluster.replicationFactor(), cluster.minInsyncReplicas(), cluster.partitions());
    }

    private String singleProperties() {
        return """
                # Written by the local stack on each start; edit the launcher, not this file.
                process.roles=broker,controller
                node.id=1
                controller.quorum.bootstrap.servers=127.0.0.1:%2$d
                listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
                advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
                controller.listener.names=CONTROLLER
                inter.broker.listener.name=PLAINTEXT
                listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                log.dirs=%3$s
                num.partitions=3
                auto.create.topics.enable=true
                offsets.topic.replication.factor=1
                transaction.state.log.replication.factor=1
                transaction.state.log.min.isr=1
                share.coordinator.state.topic.replication.factor=1
                share.coordinator.state.topic.min.isr=1
                group.initial.rebalance.delay.ms=0
                # Events are the source of a reindex, so they are kept for good.
                log.retention.ms=-1
                log.retention.bytes=-1
                """.formatted(port, controllerPort, home.resolve("data"));
    }

    /** Kafka's cluster id format: a random UUID as URL-safe base64 without padding. */
    public static String newClusterId() {
        UUID uuid = UUID.randomUUID();
        ByteBuffer bytes = ByteBuffer.allocate(16);
        bytes.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.array());
    }
}
