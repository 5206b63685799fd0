package io.techbridge.matching.wiring;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.instrumentation.OpenTelemetryForElasticsearch;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import io.opentelemetry.api.OpenTelemetry;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import org.elasticsearch.client.RestClient;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.config.SearchConfig;
import io.techbridge.matching.learning.LearnedWeights;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.persistence.StoredNeighbourhoods;
import io.techbridge.matching.persistence.StoredStandings;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.DocumentMapper;
import io.techbridge.matching.search.IndexAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The search components are plain classes, so the evaluation and benchmark tools run the very
 * same code outside the service; here they become beans working on the live aliases, and the
 * matcher scores with the weights learned from broker decisions.
 */
@ApplicationScoped
public class SearchBeans {

    /**
     * The Elasticsearch client, built as Quarkus's own is but with the client's OpenTelemetry
     * instrumentation bound to Quarkus's OpenTelemetry (the client's default looks for a global
     * instance, which Quarkus does not register): each request is a span of the current trace.
     * Preferred over the extension's client bean, which is otherwise the same.
     */
    @Produces
    @Singleton
    @Alternative
    @Priority(1)
    ElasticsearchClient elasticsearchClient(RestClient restClient, OpenTelemetry openTelemetry) {
        return new ElasticsearchClient(new RestClientTransport(restClient, new JacksonJsonpMapper(DocumentMapper.create()), null,
                // Search bodies stay out of the spans: they hold users' query text and whole embedding vectors.
                new OpenTelemetryForElasticsearch(openTelemetry, false)));
    }

    @Produces
    @ApplicationScoped
    IndexAdmin indexAdmin(ElasticsearchClient client, SearchConfig search) {
        return new IndexAdmin(client, search.indexReplicas());
    }

    @Produces
    @ApplicationScoped
    DocumentIndexer documentIndexer(ElasticsearchClient client) {
        return new DocumentIndexer(client);
    }

    @Produces
    @ApplicationScoped
    Matcher matcher(ElasticsearchClient client, MatchingConfig config, LearnedWeights weights, StoredStandings standings,
            StoredNeighbourhoods neighbourhoods) {
        return new Matcher(client, config, IndexAdmin.ACHIEVEMENTS, IndexAdmin.DEMANDS, weights, standings, neighbourhoods);
    }
}
