package io.techbridge.demand;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Period;
import java.util.Iterator;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The demo demands of deploy/local/demo are accepted as the local stack's loader posts them. */
@QuarkusTest
@RealServers
class DemoDemandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyDemoDemandIsAcceptedAndKeepsItsConfidentialityAndChallenge() throws IOException {
        Path projectDir = Path.of(System.getProperty("techbridge.project.dir", ".."));
        JsonNode demands = JSON.readTree(projectDir.resolve("deploy/local/demo/demands.json").toFile());
        int brokersOnly = 0;
        int challenges = 0;
        for (JsonNode demand : demands) {
            ObjectNode body = demand.deepCopy();
            String key = body.remove("key").asText();
            resolvePeriods(body);
            // As the enterprise that owns it, which is how the loader posts it; other tests of this run
            // post demo demand d01 too, so it is confirmed as a possible duplicate.
            Map<String, Object> created = Demands.asOwner(body.get("organisationId").asText())
                    .contentType(ContentType.JSON).body(JSON.writeValueAsString(body))
                    .queryParam("duplicates", "confirmed")
                    .when().post("/api/demands").then()
                    .statusCode(201).extract().as(Map.class);
            assertEquals("OPEN", created.get("status"), key);
            assertEquals(body.get("confidentiality").asText(), created.get("confidentiality"), key);
            assertEquals(body.get("challenge").isObject(), created.get("challenge") != null, key);
            brokersOnly += "BROKERS_ONLY".equals(created.get("confidentiality")) ? 1 : 0;
            challenges += created.get("challenge") != null ? 1 : 0;
        }
        assertEquals(29, demands.size());
        assertEquals(4, brokersOnly);
        assertEquals(3, challenges);
    }

    /** As the demo loader does: ISO periods such as P180D become dates counted from today. */
    private static void resolvePeriods(ObjectNode node) {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode value = field.getValue();
            if (value.isTextual() && value.asText().matches("P\\d+[DWMY]")) {
                field.setValue(JSON.getNodeFactory().textNode(Demands.today().plus(Period.parse(value.asText())).toString()));
            } else if (value.isObject()) {
                resolvePeriods((ObjectNode) value);
            }
        }
    }
}
