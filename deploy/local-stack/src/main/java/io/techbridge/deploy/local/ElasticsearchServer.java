package io.techbridge.deploy.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A single Elasticsearch node in its own JVM, from Maven Central jars (see deploy/elasticsearch-node). */
public final class ElasticsearchServer {

    private final Path projectDir;
    private final Path home;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private final ManagedProcess process;

    public ElasticsearchServer(Path projectDir, Path home, int httpPort, int transportPort, String heap) {
        this.projectDir = projectDir;
        this.home = home.toAbsolutePath();
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.heap = heap;
        this.process = new ManagedProcess("elasticsearch", this.home, this.home.resolve("elasticsearch.out"));
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
        process.start(JavaCommand.command(process, home.resolve("java.args"), classpath,
                        List.of("-Xms" + heap, "-Xmx" + heap, "--enable-native-access=ALL-UNNAMED",
                                "--add-modules", "jdk.incubator.vector", "-Dlog4j.shutdownHookEnabled=false",
                                "-XX:+UseG1GC", "-Djava.awt.headless=true"),
                        "io.techbridge.deploy.elasticsearch.ElasticsearchNodeMain",
                        List.of("--home", home.toString(), "--http-port", Integer.toString(httpPort),
                                "--transport-port", Integer.toString(transportPort),
                                "--cluster-name", "techbridge-local")),
                Map.of(), home);
    }

    public void awaitReady(Duration timeout) {
        Wait.until("Elasticsearch on port " + httpPort, timeout, () -> {
            if (!isRunning()) {
                throw new IllegalStateException("Elasticsearch exited; see " + process.logFile());
            }
            return Wait.httpStatus(url() + "/_cluster/health?wait_for_status=yellow&timeout=1s") == 200;
        });
    }

    public void stop() {
        process.stop(Duration.ofSeconds(60));
    }
}
