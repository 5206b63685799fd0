package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The whole platform as {@code deploy/local/up} starts it, on free ports with a data folder of its
 * own, so it never meets another stack on this machine; {@link #close()} runs {@code down}.
 */
final class ConsoleStack implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One demo login written by {@code up} to {@code <data dir>/demo-accounts.json}. */
    record Account(String role, String username, String password, String organisationId, String organisationName) {
    }

    private final Path projectDir = StackSettings.projectDirectory();
    private final Path dataDir;
    private final Map<String, String> environment = new HashMap<>();

    private ConsoleStack(Path dataDir) {
        this.dataDir = dataDir;
    }

    /** Starts a fresh stack (the data folder emptied first) and waits until {@code up} reports it ready. */
    static ConsoleStack up(Path dataDir) throws IOException, InterruptedException {
        ConsoleStack stack = new ConsoleStack(dataDir.toAbsolutePath());
        deleteRecursively(stack.dataDir);
        for (String port : new String[]{"PG", "KAFKA", "KAFKA_CONTROLLER", "ES", "ES_TRANSPORT", "GATEWAY",
                "ACHIEVEMENT", "DEMAND", "MATCHING"}) {
            stack.environment.put("TECHBRIDGE_" + port + "_PORT", Integer.toString(TestServers.freePort()));
        }
        stack.environment.put("TECHBRIDGE_DATA_DIR", stack.dataDir.toString());
        stack.environment.put("TECHBRIDGE_SKIP_BUILD", "1");
        stack.environment.put("JAVA_HOME", System.getProperty("java.home"));
        try {
            String output = stack.run("up");
            assertTrue(output.contains("TechBridge is up"), output);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The console and the API behind it: the gateway. */
    String gatewayUrl() {
        return "http://localhost:" + environment.get("TECHBRIDGE_GATEWAY_PORT");
    }

    Path projectDir() {
        return projectDir;
    }

    /** The demo account of a role (broker, enterprise, university, admin). */
    Account account(String role) throws IOException {
        Path file = dataDir.resolve("demo-accounts.json");
        assertTrue(Files.isRegularFile(file), "deploy/local/up did not write " + file);
        for (JsonNode node : JSON.readTree(file.toFile())) {
            if (role.equalsIgnoreCase(node.path("role").asText())) {
                return new Account(node.path("role").asText(), node.path("username").asText(),
                        node.path("password").asText(), node.path("organisationId").asText(),
                        node.path("organisationName").asText());
            }
        }
        throw new AssertionError("no " + role + " account in " + file);
    }

    /** The demo records as loaded, with their keys (a01, d01…). */
    JsonNode demoAchievements() throws IOException {
        return JSON.readTree(projectDir.resolve("deploy/local/demo/achievements.json").toFile());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("down");
    }

    private String run(String command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(projectDir.resolve("deploy/local").resolve(command).toString())
                .directory(projectDir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(10, TimeUnit.MINUTES), command + " did not finish");
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
