package io.techbridge.deploy.smoke;

import io.techbridge.deploy.local.StackSettings;
import io.techbridge.deploy.local.testing.TestServers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code deploy/local} commands as a user runs them, for a stack of the smoke tests' own: free
 * ports and a data folder of its own, so it never meets another stack on this machine.
 */
final class DeployLocal {

    private final Path projectDir = StackSettings.projectDirectory();
    private final Path dataDir;
    private final Map<String, String> environment = new HashMap<>();

    /** Settings for a stack in {@code dataDir}, emptied first, on ports free now. */
    DeployLocal(Path dataDir) throws IOException {
        this.dataDir = dataDir.toAbsolutePath();
        deleteRecursively(this.dataDir);
        for (String port : new String[]{"PG", "KAFKA", "KAFKA_CONTROLLER", "ES", "ES_TRANSPORT", "GATEWAY", "GATEWAY_MANAGEMENT",
                "ACHIEVEMENT", "DEMAND", "MATCHING", "SMTP", "IMAP", "MAIL_WEB"}) {
            environment.put("TECHBRIDGE_" + port + "_PORT", Integer.toString(TestServers.freePort()));
        }
        environment.put("TECHBRIDGE_DATA_DIR", this.dataDir.toString());
        environment.put("TECHBRIDGE_SKIP_BUILD", "1");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
    }

    /** Sets an environment variable for the stack's processes (say, a shorter access-token lifetime). */
    DeployLocal with(String variable, String value) {
        environment.put(variable, value);
        return this;
    }

    Path projectDir() {
        return projectDir;
    }

    Path dataDir() {
        return dataDir;
    }

    /** The port chosen for a process, by its variable's middle part (GATEWAY, KAFKA, ACHIEVEMENT…). */
    String port(String name) {
        return environment.get("TECHBRIDGE_" + name + "_PORT");
    }

    /** Runs {@code deploy/local/<command>}, asserts it succeeded, and returns what it printed. */
    String run(String command) throws IOException, InterruptedException {
        return run(command, new String[0]);
    }

    /** Runs {@code deploy/local/<command> <arguments…>}, asserts it succeeded, and returns what it printed. */
    String run(String command, String... arguments) throws IOException, InterruptedException {
        java.util.List<String> line = new java.util.ArrayList<>();
        line.add(projectDir.resolve("deploy/local").resolve(command).toString());
        line.addAll(java.util.List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(line)
                .directory(projectDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(20, TimeUnit.MINUTES), command + " did not finish");
        System.out.println("$ deploy/local/" + command + System.lineSeparator() + output);
        assertEquals(0, process.exitValue(), "deploy/local/" + command + " failed:" + System.lineSeparator() + output);
        return output;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
