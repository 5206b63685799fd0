package io.techbridge.matching.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.TermvectorsResponse;
import co.elastic.clients.elasticsearch.core.termvectors.TermVector;
import io.techbridge.matching.search.SearchUnavailableException;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** How rare each word is among the achievements: document frequencies and the number of documents. */
record TermStatistics(Map<String, Long> documentFrequency, long documents) {

    static final TermStatistics NONE = new TermStatistics(Map.of(), 0);

    double idf(String term) {
        long df = documentFrequency.getOrDefault(term, 0L);
        return df == 0 ? 0 : Math.log(1 + (documents - df + 0.5) / (df + 0.5));
    }

    /**
     * The words' statistics read from the index's term dictionary (term vectors of an artificial
     * document): a lookup per word, where counting them with an aggregation read every document
     * (a quarter of a second at 100,000 achievements).
     */
    static TermStatistics of(ElasticsearchClient client, String index, Collection<String> terms) {
        if (terms.isEmpty()) {
            return NONE;
        }
        try {
            List<String> words = List.copyOf(terms);
            Map<String, Object> document = Map.of("terms", words);
            TermvectorsResponse response = client.<Map<String, Object>>termvectors(t -> t.index(index).doc(document)
                    .fields("terms").termStatistics(true).fieldStatistics(true).positions(false).offsets(false)
                    .payloads(false));
            TermVector vector = response.termVectors().get("terms");
            if (vector == null) {
                return NONE;
            }
            Map<String, Long> df = new HashMap<>();
            vector.terms().forEach((term, statistics) -> {
                if (statistics.docFreq() != null && statistics.docFreq() > 0) {
                    df.put(term, statistics.docFreq().longValue());
                }
            });
            return new TermStatistics(df, vector.fieldStatistics() == null ? 0 : vector.fieldStatistics().docCount());
        } catch (IOException | ElasticsearchException e) {
            throw SearchUnavailableException.reading("reading word statistics", e);
        }
    }
}
