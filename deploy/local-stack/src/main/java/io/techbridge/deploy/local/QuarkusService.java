package io.techbridge.deploy.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** One of TechBridge's own services, run in JVM mode from its Quarkus build. */
public final class QuarkusService {

    private final String module;
    private final String name;
    private final Path jar;
    private final int port;
    private final int managementPort;
    private final String heap;
    private final Supplier<Map<String, String>> environment;
    private final ManagedProcess process;

    public QuarkusService(Path projectDir, Path runDir, String module, int port, String heap,
            Map<String, String> environment) {
        this(projectDir, runDir, module, port, port, heap, () -> environment);
    }

    /**
     * A service whose health, metrics and own OpenAPI document are on a management port of their own
     * ({@code managementPort}; the same as {@code port} when it has none). The environment is made
     * only when the service starts (it may need files that {@code up} creates first).
     */
    public QuarkusService(Path projectDir, Path runDir, String module, int port, int managementPort, String heap,
            Supplier<Map<String, String>> environment) {
        this(projectDir, runDir, module, module, port, managementPort, heap, environment);
    }

    /** One of several instances of {@code module}, whose process (pid file, log) is called {@code name}. */
    public QuarkusService(Path projectDir, Path runDir, String module, String name, int port, int managementPort,
            String heap, Supplier<Map<String, String>> environment) {
        this.module = module;
        this.name = name;
        this.jar = projectDir.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        this.port = port;
        this.managementPort = managementPort;
        this.heap = heap;
        this.environment = environment;
        this.process = new ManagedProcess(name, runDir, runDir.resolve(name + ".log"));
    }

    public String module() {
        return module;
    }

    /** The process's name: the module's, or the instance's when there are several. */
    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    /** Where health, metrics and Swagger UI are: loopback only. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    public ManagedProcess process() {
        return process;
    }

    public boolean isBuilt() {
        return Files.exists(jar);
    }

    public boolean isRunning() {
        return process.running().isPresent();
    }

    public void start() {
        if (isRunning()) {
            return;
        }
        if (!isBuilt()) {
            throw new IllegalStateException(jar + " is missing: build the project first (./mvnw install -DskipTests)");
        }
        // A small initial heap: an idle service touches (and keeps resident) only what it has used.
        List<String> command = new ArrayList<>(List.of(JavaCommand.javaBinary(), process.marker(),
                "-Xms64m", "-Xmx" + heap, "-XX:+UseSerialGC", "-Dquarkus.http.port=" + port));
        command.addAll(JavaCommand.extraOptions());
        command.addAll(List.of("-jar", jar.toString()));
        process.start(command, environment.get(), jar.getParent());
    }

    public void awaitReady(Duration timeout) {
        Wait.until(name + " on port " + port, timeout, () -> {
            if (!isRunning()) {
                throw new IllegalStateException(name + " exited; see " + process.logFile());
            }
            return Wait.httpStatus(managementUrl() + "/q/health/ready") == 200;
        });
    }

    public void stop() {
        process.stop(Duration.ofSeconds(30));
    }
}
