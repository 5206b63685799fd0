package io.techbridge.matching.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The replica count of the search indexes follows the setting (0 on one node, 1 on a cluster). */
class IndexReplicasTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aClusterGetsOneReplicaAndKeepsTheRestOfTheMapping() throws Exception {
        for (String alias : new String[]{IndexAdmin.ACHIEVEMENTS, IndexAdmin.DEMANDS}) {
            JsonNode original = json.readTree(IndexAdmin.mapping(alias));
            JsonNode clustered = json.readTree(new IndexAdmin(null, 1).withReplicas(IndexAdmin.mapping(alias)));

            assertEquals(1, clustered.at("/settings/number_of_replicas").asInt(), alias);
            assertEquals(original.at("/settings/number_of_shards"), clustered.at("/settings/number_of_shards"), alias);
            assertEquals(original.get("mappings"), clustered.get("mappings"), alias);
        }
    }

    @Test
    void aSingleNodeGetsNoReplica() throws Exception {
        JsonNode single = json.readTree(new IndexAdmin(null, 0).withReplicas(IndexAdmin.mapping(IndexAdmin.ACHIEVEMENTS)));
        assertEquals(0, single.at("/settings/number_of_replicas").asInt());
        assertEquals(0, json.readTree(IndexAdmin.mapping(IndexAdmin.DEMANDS)).at("/settings/number_of_replicas").asInt());
    }
}
