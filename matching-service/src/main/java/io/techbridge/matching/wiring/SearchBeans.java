package io.techbridge.matching.wiring;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.techbridge.matching.config.MatchingConfig;
import io.techbridge.matching.config.SearchConfig;
import io.techbridge.matching.learning.LearnedWeights;
import io.techbridge.matching.matching.Matcher;
import io.techbridge.matching.persistence.StoredStandings;
import io.techbridge.matching.search.DocumentIndexer;
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
    Matcher matcher(ElasticsearchClient client, MatchingConfig config, LearnedWeights weights, StoredStandings standings) {
        return new Matcher(client, config, IndexAdmin.ACHIEVEMENTS, IndexAdmin.DEMANDS, weights, standings);
    }
}
