package io.techbridge.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An Elasticsearch node in its own JVM, from Maven Central jars (see deploy/elasticsearch-node):
 * a cluster of its own, or one master-eligible data node of a cluster.
 */
public final class ElasticsearchServer {

    /** The cluster a node joins: where its peers' transport ports are, and the names of all its nodes. */
    public record Cluster(List<String> seedHosts, List<String> nodeNames) {
    }

    private final Path projectDir;
    private final Path home;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private final Cluster cluster;
    private final ManagedProcess process;

    public ElasticsearchServer(Path projectDir, Path home, int httpPort, int transportPort, String heap) {
        this(projectDir, home, "elasticsearch", httpPort, transportPort, heap, null);
    }

    /** Node {@code name} of {@code cluster} (also the name of its process). */
    public ElasticsearchServer(Path projectDir, Path home, String name, int httpPort, int transportPort, String heap,
            Cluster cluster) {
        this.projectDir = projectDir;
        this.home = home.toAbsolutePath();
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.heap = heap;
        this.cluster = cluster;
        this.process = new ManagedProcess(name, this.home, this.home.resolve("elasticsearch.out"));
    }

    public int httpPort() {
        return httpPort;
    }

    public String url() {
        return "http://127.0.0.1:" + httpPort;
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
        String classpath = JavaCommand.moduleClasspath(projectDir, "elasticsearch-node");
        List<String> args = new java.util.ArrayList<>(List.of("--home", home.toString(),
                "--http-port", Integer.toString(httpPort), "--transport-port", Integer.toString(transportPort),
                "--cluster-name", "techbridge-local"));
        if (cluster != null) {
            args.addAll(List.of("--node-name", process.name(), "--seed-hosts", String.join(",", cluster.seedHosts()),
                    "--initial-master-nodes", String.join(",", cluster.nodeNames())));
        }
        process.start(JavaCommand.command(process, home.resolve("java.args"), classpath,
                        List.of("-Xms" + heap, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
                                "--add-modules", "jdk.incubator.vector", "-Dlog4j.shutdownHookEnabled=false",
                                "-XX:+UseG1GC", "-Djava.awt.headless=true"),
                        "io.techbridge.deploy.elasticsearch.ElasticsearchNodeMain",
                        args),
                Map.of(), home);
    }

    public void awaitReady(Duration timeout) {
        Wait.until(process.name() + " on port " + httpPort, timeout, () -> {
            if (!isRunning()) {
                throw new IllegalStateException(process.name() + " exited; see " + process.logFile());
            }
            return Wait.httpStatus(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s") == 200;
        });
    }

    public void stop() {
        process.stop(Duration.ofSeconds(60));
    }
}
