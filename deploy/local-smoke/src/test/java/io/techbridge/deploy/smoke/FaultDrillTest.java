package io.techbridge.deploy.smoke;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.deploy.local.LocalStack;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code deploy/local/drill --short} on a stack of its own: a steady workload through the gateway
 * while each process (PostgreSQL, Kafka, Elasticsearch, the three services, the gateway) is killed
 * with SIGKILL and restarted; afterwards nothing acknowledged is lost, no event is on its topic
 * twice or out of order, the index holds every record's latest version, and no request got a wrong
 * answer (the drill itself fails on any of these; its JSON is checked here as well).
 */
class FaultDrillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void nothingIsLostDuplicatedOrReorderedWhileEachProcessIsKilledInTurn() throws Exception {
        DeployLocal stack = new DeployLocal(Path.of("target", "drill-data"));
        // The drill sends its writes and the broker's reads from one address, faster than the default limits.
        OpenApiFuzzTest.RAISED_LIMITS.forEach(stack::with);
        Path report = Path.of("target", "drill.json").toAbsolutePath();
        Files.deleteIfExists(report);
        try {
            stack.run("up");
            stack.run("drill", "--short", "--json", report.toString());
        } finally {
            stack.run("down");
        }
        JsonNode rows = JSON.readTree(report.toFile());
        List<String> killed = new ArrayList<>();
        for (JsonNode row : rows) {
            String process = row.get("process").asText();
            killed.add(process);
            assertEquals(0, row.get("lost").asInt(), process + ": lost " + row);
            assertEquals(0, row.get("duplicated").asInt(), process + ": duplicated " + row);
            assertEquals(0, row.get("outOfOrder").asInt(), process + ": out of order " + row);
            assertTrue(row.get("acknowledged").asInt() > 0, process + ": nothing acknowledged " + row);
            assertFalse(row.get("recoverySeconds").isNull(), process + ": never recovered " + row);
        }
        assertEquals(LocalStack.PROCESSES, killed);
    }
}
