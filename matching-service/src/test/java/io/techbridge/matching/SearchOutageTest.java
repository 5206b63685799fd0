package io.techbridge.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.json.JsonData;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.quarkus.test.junit.QuarkusTest;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.FullTextSearch;
import io.techbridge.matching.search.SearchQuery;
import io.techbridge.matching.search.SearchUnavailableException;
import jakarta.inject.Inject;
import org.apache.http.HttpHost;
import org.elasticsearch.client.RestClient;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Elasticsearch out of reach, or with shards still recovering after a restart, is an outage to wait
 * out (an API call answers 503 search-unavailable, the workers retry), while a request it refuses as
 * wrong stays a fault to fix: told apart by what a real cluster answers.
 */
@QuarkusTest
@RealServers
class SearchOutageTest {

    @Inject
    ElasticsearchClient client;

    @Test
    void aSearchOfAnIndexWhoseShardsAreNotActiveIsAnOutage() throws Exception {
        String index = "achievements-unassigned-" + System.nanoTime();
        client.indices().create(c -> c.index(index).waitForActiveShards(w -> w.count(0)).settings(s -> s
                .numberOfReplicas("0").otherSettings("index.routing.allocation.require._name", JsonData.of("no-such-node"))));
        try {
            SearchUnavailableException outage = assertThrows(SearchUnavailableException.class,
                    () -> new FullTextSearch(client, index, index).search(byWords("锂电池")));
            assertTrue(outage.getMessage().contains(index), outage.getMessage());
            assertTrue(outage.getCause().getMessage().contains("503 Service Unavailable"), outage.getCause().getMessage());
        } finally {
            client.indices().delete(d -> d.index(index));
        }
    }

    @Test
    void aClusterThatCannotBeReachedIsAnOutage() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (RestClient unreachable = RestClient.builder(new HttpHost("127.0.0.1", closedPort)).build()) {
            ElasticsearchClient down = new ElasticsearchClient(new RestClientTransport(unreachable, new JacksonJsonpMapper()));
            assertThrows(SearchUnavailableException.class,
                    () -> new FullTextSearch(down, "achievements", "demands").search(byWords("锂电池")));
            assertThrows(SearchUnavailableException.class, () -> new DocumentIndexer(down).demands("demands", List.of(Events.newId())));
        }
    }

    @Test
    void aSearchTheClusterRefusesAsWrongStaysAFaultNotAnOutage() {
        ElasticsearchException fault = assertThrows(ElasticsearchException.class,
                () -> new FullTextSearch(client, "no-such-index-" + System.nanoTime(), "no-such-index-" + System.nanoTime())
                        .search(byWords("锂电池")));
        assertEquals(404, fault.status());
    }

    private static SearchQuery byWords(String words) {
        return new SearchQuery(words, null, null, null, null, false, new PageRequest(0, 10), ConfidentialScope.EVERYTHING);
    }
}
