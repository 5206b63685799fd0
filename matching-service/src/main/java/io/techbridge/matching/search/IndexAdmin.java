package io.techbridge.matching.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The versioned indexes behind the aliases {@code achievements} and {@code demands}. Readers and
 * writers use only the aliases, so a rebuilt index can take over with one atomic alias swap.
 */
public class IndexAdmin {

    public static final String ACHIEVEMENTS = "achievements";
    public static final String DEMANDS = "demands";
    private static final Logger LOG = Logger.getLogger(IndexAdmin.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ElasticsearchClient client;
    /** Replicas per shard of the indexes this creates; empty: as the mapping resource says. */
    private final OptionalInt replicas;
    private volatile boolean aliasesReady;

    public IndexAdmin(ElasticsearchClient client) {
        this.client = client;
        this.replicas = OptionalInt.empty();
    }

    /** Indexes get {@code replicas} replicas per shard, whatever the mapping resource says. */
    public IndexAdmin(ElasticsearchClient client, int replicas) {
        this.client = client;
        this.replicas = OptionalInt.of(replicas);
    }

    /**
     * Creates the first versioned index behind each alias that does not exist yet. Called before every
     * use, as Elasticsearch may be out of reach when the service starts; once done it is one read of a
     * flag, with no lock on the request path.
     */
    public void ensureAliases() {
        if (!aliasesReady) {
            createAliases();
        }
    }

    private synchronized void createAliases() {
        if (aliasesReady) {
            return;
        }
        for (String alias : new String[]{ACHIEVEMENTS, DEMANDS}) {
            Optional<String> current = currentIndex(alias);
            if (current.isEmpty()) {
                createFirstIndex(alias);
            } else {
                addContentTerms(current.get());
                applyReplicas(current.get());
            }
        }
        aliasesReady = true;
    }

    /**
     * Indexes created before records carried their content words (all, and those of the title and
     * keywords) get the fields; adding a field is allowed on a live index, and a reindex or the
     * record's next event fills it for the records already there.
     */
    private void addContentTerms(String index) {
        try {
            client.indices().putMapping(m -> m.index(index).properties("terms", p -> p.keyword(k -> k))
                    .properties("headlineTerms", p -> p.keyword(k -> k.index(false).docValues(false))));
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot add the content words to " + index, e);
        }
    }

    /**
     * The alias's first index, made with the alias in one request under a fixed name, so that
     * instances of the service starting together (or a retry after a create that timed out) end up
     * with one index: the later create fails as existing, and the alias is there already. Made in
     * two steps (create, then point the alias), each instance would point the alias at an index of
     * its own, and what one indexed meanwhile would stay behind in an index no one reads.
     */
    private void createFirstIndex(String alias) {
        String index = alias + "-1";
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(withReplicas(mapping(alias)));
            root.withObject("/aliases").withObject("/" + alias).put("is_write_index", true);
            String body = JSON.writeValueAsString(root);
            client.indices().create(c -> c.index(index).withJson(new java.io.StringReader(body)));
            LOG.infof("created index %s behind alias %s", index, alias);
        } catch (co.elastic.clients.elasticsearch._types.ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
            LOG.debugf("index %s was made meanwhile", index);
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot create index " + index, e);
        }
    }

    public String createVersionedIndex(String alias) {
        return createIndex(alias + "-" + SUFFIX.format(Instant.now()), mapping(alias));
    }

    /**
     * An index made before the replica count changed (a single node's data taken to a cluster, or
     * back) gets the count now; Elasticsearch then copies or drops the replicas by itself.
     */
    private void applyReplicas(String index) {
        if (replicas.isEmpty()) {
            return;
        }
        try {
            client.indices().putSettings(p -> p.index(index)
                    .settings(s -> s.numberOfReplicas(Integer.toString(replicas.getAsInt()))));
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot set the replicas of " + index, e);
        }
    }

    public String createIndex(String name, String mappingJson) {
        String withReplicas = withReplicas(mappingJson);
        try {
            client.indices().create(c -> c.index(name).withJson(new java.io.StringReader(withReplicas)));
            return name;
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot create index " + name, e);
        }
    }

    /** The mapping with this admin's replica count in its settings. */
    String withReplicas(String mappingJson) {
        if (replicas.isEmpty()) {
            return mappingJson;
        }
        try {
            ObjectNode root = (ObjectNode) JSON.readTree(mappingJson);
            root.withObject("/settings").put("number_of_replicas", replicas.getAsInt());
            return JSON.writeValueAsString(root);
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot read the index mapping", e);
        }
    }

    /** The index the alias points to, if any. */
    public Optional<String> currentIndex(String alias) {
        try {
            if (!client.indices().existsAlias(a -> a.name(alias)).value()) {
                return Optional.empty();
            }
            GetAliasResponse response = client.indices().getAlias(a -> a.name(alias));
            return response.aliases().keySet().stream().findFirst();
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot read alias " + alias, e);
        }
    }

    /** Points the alias at the new index in one atomic step. */
    public void swapAlias(String alias, String newIndex) {
        Optional<String> old = currentIndex(alias);
        try {
            client.indices().updateAliases(u -> {
                old.ifPresent(o -> u.actions(a -> a.remove(r -> r.index(o).alias(alias))));
                return u.actions(a -> a.add(ad -> ad.index(newIndex).alias(alias).isWriteIndex(true)));
            });
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot point alias " + alias + " at " + newIndex, e);
        }
    }

    public void deleteIndex(String index) {
        try {
            client.indices().delete(d -> d.index(index));
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot delete index " + index, e);
        }
    }

    /** Merges the index into one segment; for an index no one writes to yet, after a bulk load. */
    public void forceMerge(String index) {
        try {
            client.indices().forcemerge(f -> f.index(index).maxNumSegments(1L));
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot merge " + index, e);
        }
    }

    public void refresh(String indexOrAlias) {
        try {
            client.indices().refresh(r -> r.index(indexOrAlias));
        } catch (IOException e) {
            throw new SearchUnavailableException("cannot refresh " + indexOrAlias, e);
        }
    }

    /** The settings and mappings of an alias's indexes, from the service's resources. */
    public static String mapping(String alias) {
        try (InputStream in = IndexAdmin.class.getResourceAsStream("/elasticsearch/" + alias + ".json")) {
            if (in == null) {
                throw new IllegalStateException("no mapping for " + alias);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
