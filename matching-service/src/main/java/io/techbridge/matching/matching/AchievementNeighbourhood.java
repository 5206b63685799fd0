package io.techbridge.matching.matching;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.msearch.MultiSearchResponseItem;
import co.elastic.clients.elasticsearch.core.msearch.RequestItem;
import co.elastic.clients.elasticsearch.core.search.Hit;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DocumentIndexer;
import io.techbridge.matching.search.SearchUnavailableException;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How near each achievement lies to the open demands: the mean similarity of its nearest
 * demands. Some texts sit near every demand in the embedding space (a broad summary, a common
 * field's vocabulary); a pair is judged by how much closer its two sides are to each other than to
 * their usual neighbours. Each achievement version's nearest demands are kept for an hour, and a
 * demand ranked meanwhile takes its place among them as its own search finds the achievement: a
 * ranking would otherwise search once per candidate, and a new demand would not count until the
 * hour is out. Found neighbourhoods are also kept in a {@link NeighbourhoodStore}, which a restarted
 * or second instance reads before it searches again.
 */
final class AchievementNeighbourhood {

    private static final int CAPACITY = 200_000;

    private final ElasticsearchClient client;
    private final DocumentIndexer documents;
    private final String achievementsIndex;
    private final String demandsIndex;
    private final int neighbours;
    private final NeighbourhoodStore store;
    private final Map<String, NeighbourhoodStore.Stored> entries = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, NeighbourhoodStore.Stored> eldest) {
            return size() > CAPACITY;
        }
    };

    AchievementNeighbourhood(ElasticsearchClient client, DocumentIndexer documents, String achievementsIndex,
            String demandsIndex, int neighbours, NeighbourhoodStore store) {
        this.client = client;
        this.store = store;
        this.documents = documents;
        this.achievementsIndex = achievementsIndex;
        this.demandsIndex = demandsIndex;
        this.neighbours = neighbours;
    }

    /**
     * Each achievement's nearest open demands, by achievement id: kept ones as they are (in memory,
     * else in the store), the others searched (one request for all of them) and kept.
     */
    Map<String, List<Neighbour>> nearestOf(List<AchievementDocument> achievements) {
        Map<String, List<Neighbour>> known = new HashMap<>();
        List<AchievementDocument> missing = new ArrayList<>();
        Instant fresh = Instant.now().minus(NeighbourhoodStore.KEPT_FOR);
        synchronized (entries) {
            for (AchievementDocument a : achievements) {
                NeighbourhoodStore.Stored entry = entries.get(key(a));
                if (entry != null && entry.computedAt().isAfter(fresh)) {
                    known.put(a.id(), entry.nearest());
                } else {
                    missing.add(a);
                }
            }
        }
        if (missing.isEmpty()) {
            return known;
        }
        Map<String, NeighbourhoodStore.Stored> stored = store.find(missing, fresh);
        List<AchievementDocument> unknown = new ArrayList<>();
        synchronized (entries) {
            for (AchievementDocument a : missing) {
                NeighbourhoodStore.Stored entry = stored.get(a.id());
                if (entry != null) {
                    entries.put(key(a), entry);
                    known.put(a.id(), entry.nearest());
                } else {
                    unknown.add(a);
                }
            }
        }
        if (unknown.isEmpty()) {
            return known;
        }
        Map<String, List<Neighbour>> computed = computed(withVectors(unknown));
        Instant now = Instant.now();
        Map<AchievementDocument, List<Neighbour>> kept = new LinkedHashMap<>();
        synchronized (entries) {
            for (AchievementDocument a : unknown) {
                List<Neighbour> nearest = computed.getOrDefault(a.id(), List.of());
                if (keep(a, nearest, now)) {
                    kept.put(a, nearest);
                }
                known.put(a.id(), nearest);
            }
        }
        store.save(kept, now);
        return known;
    }

    /**
     * The mean similarity of each achievement's nearest open demands (as {@link #nearestOf} found
     * them), by achievement id, with the given demand counted among them at the given similarities
     * (by achievement id) when it is one of the open demands.
     */
    Map<String, Double> nearestCosine(Map<String, List<Neighbour>> known, List<AchievementDocument> achievements,
            String demandId, Map<String, Double> similarityToDemand) {
        Map<String, Double> means = new HashMap<>();
        for (AchievementDocument a : achievements) {
            List<Neighbour> nearest = known.getOrDefault(a.id(), List.of());
            Double similarity = demandId == null ? null : similarityToDemand.get(a.id());
            if (similarity != null) {
                nearest = counted(a, nearest, new Neighbour(demandId, similarity));
            }
            means.put(a.id(), mean(nearest));
        }
        return means;
    }

    /**
     * An achievement's nearest demands with one more demand counted among them; the kept entry, if
     * there is one, is the base (another ranking may have counted a demand since) and takes the result.
     */
    private List<Neighbour> counted(AchievementDocument achievement, List<Neighbour> nearest, Neighbour demand) {
        synchronized (entries) {
            NeighbourhoodStore.Stored entry = entries.get(key(achievement));
            List<Neighbour> counted = with(entry != null ? entry.nearest() : nearest, demand);
            if (entry != null && !counted.equals(entry.nearest())) {
                entries.put(key(achievement), new NeighbourhoodStore.Stored(counted, entry.computedAt()));
            }
            return counted;
        }
    }

    /**
     * An achievement's nearest demands as its own search among the demands found them; stored when
     * they are new to this instance or changed.
     */
    void remember(AchievementDocument achievement, List<Neighbour> found) {
        List<Neighbour> nearest = nearest(found);
        Instant now = Instant.now();
        boolean news;
        synchronized (entries) {
            NeighbourhoodStore.Stored before = entries.get(key(achievement));
            news = keep(achievement, nearest, now) && (before == null || !before.nearest().equals(nearest));
        }
        if (news) {
            store.save(Map.of(achievement, nearest), now);
        }
    }

    /**
     * Keeps a full neighbourhood; one of fewer demands than it has (a pool still filling) is
     * searched again when next needed. Whether it was kept.
     */
    private boolean keep(AchievementDocument achievement, List<Neighbour> nearest, Instant at) {
        if (nearest.size() >= neighbours) {
            entries.put(key(achievement), new NeighbourhoodStore.Stored(nearest, at));
            return true;
        }
        entries.remove(key(achievement));
        return false;
    }

    /** The mean similarity of the nearest of the given neighbours. */
    double mean(List<Neighbour> found) {
        return nearest(found).stream().mapToDouble(Neighbour::cosine).average().orElse(0);
    }

    private List<Neighbour> nearest(List<Neighbour> found) {
        return found.stream().sorted(Comparator.comparingDouble(Neighbour::cosine).reversed()
                .thenComparing(Neighbour::id)).limit(neighbours).toList();
    }

    private List<Neighbour> with(List<Neighbour> nearest, Neighbour candidate) {
        List<Neighbour> all = new ArrayList<>(nearest.stream().filter(n -> !n.id().equals(candidate.id())).toList());
        all.add(candidate);
        return nearest(all);
    }

    private List<AchievementDocument> withVectors(List<AchievementDocument> achievements) {
        List<String> without = achievements.stream().filter(a -> a.embedding() == null).map(AchievementDocument::id).toList();
        if (without.isEmpty()) {
            return achievements;
        }
        Map<String, AchievementDocument> stored = documents.achievements(achievementsIndex, without);
        return achievements.stream().map(a -> a.embedding() != null ? a : stored.getOrDefault(a.id(), a)).toList();
    }

    /** Each achievement's nearest open demands, found by one kNN search each in one {@code _msearch}. */
    private Map<String, List<Neighbour>> computed(List<AchievementDocument> achievements) {
        List<AchievementDocument> searchable = achievements.stream().filter(a -> a.embedding() != null).toList();
        Map<String, List<Neighbour>> found = new HashMap<>();
        if (searchable.isEmpty()) {
            return found;
        }
        Query pool = Matcher.demandPool();
        List<RequestItem> searches = new ArrayList<>();
        for (AchievementDocument a : searchable) {
            List<Float> vector = Matcher.floats(a.embedding());
            searches.add(RequestItem.of(r -> r.header(h -> h.index(demandsIndex)).body(b -> b.size(neighbours)
                    .source(s -> s.fetch(false))
                    .knn(k -> k.field("embedding").queryVector(vector).k(neighbours).numCandidates(100).filter(pool)))));
        }
        try {
            List<MultiSearchResponseItem<Void>> responses = client.msearch(m -> m.searches(searches), Void.class).responses();
            for (int i = 0; i < searchable.size(); i++) {
                MultiSearchResponseItem<Void> item = responses.get(i);
                if (item.isFailure()) {
                    throw SearchUnavailableException.readingItem("search in " + demandsIndex, item.failure().status(),
                            item.failure().error().reason());
                }
                List<Neighbour> nearest = new ArrayList<>();
                for (Hit<Void> hit : item.result().hits().hits()) {
                    if (hit.score() != null) {
                        nearest.add(new Neighbour(hit.id(), Matcher.cosineOfScore(hit.score())));
                    }
                }
                found.put(searchable.get(i).id(), nearest(nearest));
            }
            return found;
        } catch (IOException | ElasticsearchException e) {
            throw SearchUnavailableException.reading("search in " + demandsIndex, e);
        }
    }

    private static String key(AchievementDocument achievement) {
        return achievement.id() + "@" + achievement.version();
    }
}
