package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.search.FullTextSearch;

/** Full-text search over given indexes, as the service builds it. */
final class SearchTools {

    private SearchTools() {
    }

    static FullTextSearch search(ElasticsearchClient client, String achievementsIndex, String demandsIndex,
            EmbeddingService embeddings) {
        return new FullTextSearch(client, achievementsIndex, demandsIndex, embeddings);
    }
}
