package io.techbridge.matching.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.BulkRequest;
import co.elastic.clients.elasticsearch.core.BulkResponse;
import co.elastic.clients.elasticsearch.core.MgetResponse;
import co.elastic.clients.elasticsearch.core.bulk.BulkResponseItem;

import java.io.IOException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes documents with the aggregate version as an external version: Elasticsearch itself then
 * refuses to let an older version overwrite a newer one, so replays and duplicates change nothing.
 * Reads by id come with the embedding, which the index keeps out of the stored {@code _source}
 * ({@code index.mapping.exclude_source_vectors}) and gives back from its vector files only when asked.
 */
public class DocumentIndexer {

    private final ElasticsearchClient client;
    private final ElasticsearchClient withVectors;

    public DocumentIndexer(ElasticsearchClient client) {
        this.client = client;
        this.withVectors = client.withTransportOptions(o -> o.setParameter("_source_exclude_vectors", "false"));
    }

    public void indexAchievements(String index, List<AchievementDocument> documents, boolean refresh) {
        bulk(index, documents.stream().map(d -> new Versioned(d.id(), d.version(), d)).toList(), refresh);
    }

    public void indexDemands(String index, List<DemandDocument> documents, boolean refresh) {
        bulk(index, documents.stream().map(d -> new Versioned(d.id(), d.version(), d)).toList(), refresh);
    }

    public Map<String, AchievementDocument> achievements(String index, Collection<String> ids) {
        return get(index, ids, AchievementDocument.class);
    }

    public Map<String, DemandDocument> demands(String index, Collection<String> ids) {
        return get(index, ids, DemandDocument.class);
    }

    private record Versioned(String id, long version, Object document) {
    }

    private void bulk(String index, List<Versioned> documents, boolean refresh) {
        if (documents.isEmpty()) {
            return;
        }
        BulkRequest.Builder request = new BulkRequest.Builder().refresh(refresh ? Refresh.True : Refresh.False);
        for (Versioned doc : documents) {
            request.operations(op -> op.index(i -> i.index(index).id(doc.id()).version(doc.version())
                    .versionType(VersionType.ExternalGte).document(doc.document())));
        }
        try {
            BulkResponse response = client.bulk(request.build());
            if (response.errors()) {
                for (BulkResponseItem item : response.items()) {
                    // 409: a newer version is already indexed, which is exactly what we want.
                    if (item.error() != null && item.status() != 409) {
                        throw new IllegalStateException("indexing " + item.id() + " into " + index + " failed: "
                                + item.error().reason());
                    }
                }
            }
        } catch (IOException e) {
            throw new SearchUnavailableException("bulk indexing into " + index + " failed", e);
        }
    }

    private <T> Map<String, T> get(String index, Collection<String> ids, Class<T> type) {
        Map<String, T> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        try {
            MgetResponse<T> response = withVectors.mget(m -> m.index(index).ids(List.copyOf(ids)), type);
            for (var item : response.docs()) {
                if (item.isFailure()) {
                    // A shard still recovering after a restart answers per document; read as absent, the
                    // record's proposal task would be dropped as if the record did not exist.
                    throw new SearchUnavailableException("reading from " + index + " failed",
                            new IOException(item.failure().id() + ": " + item.failure().error().reason()));
                }
                if (item.result().found() && item.result().source() != null) {
                    found.put(item.result().id(), item.result().source());
                }
            }
            return found;
        } catch (IOException | ElasticsearchException e) {
            throw SearchUnavailableException.reading("reading from " + index, e);
        }
    }
}
