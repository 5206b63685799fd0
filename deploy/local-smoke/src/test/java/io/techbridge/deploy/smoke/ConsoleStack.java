package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.PostgresServer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

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

    private final DeployLocal deploy;

    private ConsoleStack(DeployLocal deploy) {
        this.deploy = deploy;
    }

    /** Starts a fresh stack (the data folder emptied first) and waits until {@code up} reports it ready. */
    static ConsoleStack up(Path dataDir) throws IOException, InterruptedException {
        return up(dataDir, Map.of());
    }

    /** As {@link #up(Path)}, with more environment variables for the stack's processes. */
    static ConsoleStack up(Path dataDir, Map<String, String> environment) throws IOException, InterruptedException {
        // Access tokens of 20 s: every scenario outlasts several, so the console renews them as it goes.
        ConsoleStack stack = new ConsoleStack(new DeployLocal(dataDir).with("TECHBRIDGE_TOKEN_LIFETIME", "20s"));
        environment.forEach(stack.deploy::with);
        try {
            String output = stack.deploy.run("up");
            assertTrue(output.contains("TechBridge is up"), output);
        } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    /** The console and the API behind it: the gateway. */
    String gatewayUrl() {
        return "http://localhost:" + deploy.port("GATEWAY");
    }

    Path projectDir() {
        return deploy.projectDir();
    }

    Path dataDir() {
        return deploy.dataDir();
    }

    /** A service of this stack on its loopback port, by its port variable's middle part (ACHIEVEMENT, DEMAND, MATCHING). */
    String serviceUrl(String name) {
        return "http://localhost:" + deploy.port(name);
    }

    /** The (first) demo account of a role (broker, enterprise, university, admin). */
    Account account(String role) throws IOException {
        return account(role, null);
    }

    /** The demo account of a role with this login name (a role may have more than one); null: the first. */
    Account account(String role, String username) throws IOException {
        Path file = deploy.dataDir().resolve("demo-accounts.json");
        assertTrue(Files.isRegularFile(file), "deploy/local/up did not write " + file);
        for (JsonNode node : JSON.readTree(file.toFile())) {
            if (role.equalsIgnoreCase(node.path("role").asText())
                    && (username == null || username.equalsIgnoreCase(node.path("username").asText()))) {
                return new Account(node.path("role").asText(), node.path("username").asText(),
                        node.path("password").asText(), node.path("organisationId").asText(),
                        node.path("organisationName").asText());
            }
        }
        throw new AssertionError("no " + role + " account " + (username == null ? "" : username + " ") + "in " + file);
    }

    /**
     * Runs one SQL statement in a service's database of this stack, as its superuser: for what a
     * browser scenario cannot wait for, such as a deadline passing.
     */
    String sql(String database, String statement) {
        return new PostgresServer(deploy.dataDir().resolve("postgres"), Integer.parseInt(deploy.port("PG")))
                .sql(database, statement);
    }

    /** The demo records as loaded, with their keys (a01, d01…). */
    JsonNode demoAchievements() throws IOException {
        return JSON.readTree(deploy.projectDir().resolve("deploy/local/demo/achievements.json").toFile());
    }

    /** The demo demands as loaded, with their keys (d01, d02…). */
    JsonNode demoDemands() throws IOException {
        return JSON.readTree(deploy.projectDir().resolve("deploy/local/demo/demands.json").toFile());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        deploy.run("down");
    }
}
