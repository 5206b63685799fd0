package io.techbridge.matching.tools;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.FullTextSearch;
import io.techbridge.matching.search.SearchQuery;
import io.techbridge.matching.search.SearchResult;
import io.techbridge.matching.tools.RelevanceEvaluation.Judged;

import java.util.List;

/**
 * Precision of keyword search: each answerable demand's keywords, joined, are searched among the
 * achievements as a person would type them; a hit is right when the set grades it relevant to the
 * demand. Precision is over the hits shown (at most 10) of the queries with hits, so a short exact
 * answer is not penalised and a padded one is; queries with no hit are counted apart.
 */
final class SearchEvaluation {

    record Result(int queries, double precisionAt10, double meanHits, int empty) {
    }

    private SearchEvaluation() {
    }

    static Result run(ElasticsearchClient client, String achievementsIndex, String demandsIndex, List<Judged> judged,
            EmbeddingService embeddings) {
        FullTextSearch search = SearchTools.search(client, achievementsIndex, demandsIndex, embeddings);
        int queries = 0;
        int empty = 0;
        double precision = 0;
        long hits = 0;
        for (Judged j : judged) {
            List<String> keywords = j.demand().keywords();
            if (keywords == null || keywords.isEmpty() || j.relevant().values().stream().noneMatch(g -> g > 0)) {
                continue;
            }
            queries++;
            SearchResult result = search.search(new SearchQuery(String.join(" ", keywords),
                    SearchQuery.RecordType.ACHIEVEMENT, null, null, null, false, new PageRequest(0, 10), ConfidentialScope.EVERYTHING));
            List<SearchResult.Item> items = result.items();
            hits += items.size();
            if (items.isEmpty()) {
                empty++;
                continue;
            }
            long right = items.stream().filter(i -> j.relevant().getOrDefault(i.id(), 0) >= 1).count();
            precision += (double) right / items.size();
        }
        return new Result(queries, queries == empty ? 0 : precision / (queries - empty), queries == 0 ? 0 : (double) hits / queries, empty);
    }
}
