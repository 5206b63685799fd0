package io.techbridge.matching.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch._types.query_dsl.TextQueryType;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.search.SearchQuery.RecordType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Full-text search over both sides through the aliases, for people browsing the pools (the matcher
 * has its own retrieval). One request: the text query and the filters that are not facets
 * ({@code inPool}, {@code minTrl}) select the result set; the facet filters ({@code type},
 * {@code field}, {@code region}) are a post filter, so each facet can be counted without its own
 * filter while the hits and the total honour all of them.
 */
@ApplicationScoped
public class FullTextSearch {

    /** Where the words are looked for, with their boosts; a field one side lacks is simply not there. */
    static final List<String> TEXT_FIELDS = List.of(
            "title^3", "title.cjk^2", "title.en^2",
            "keywords^3", "keywords.cjk", "keywords.en",
            "summary", "summary.cjk", "summary.en",
            "problem", "problem.cjk", "problem.en",
            "advantages", "indicators",
            "institution", "enterprise");
    /** What a result shows; never the embedding, and there is no contact data in the index at all. */
    private static final List<String> SOURCE_FIELDS = List.of("id", "organisationId", "title", "institution",
            "enterprise", "fieldCode", "regionCode", "trl", "minTrl", "status", "confidentiality");
    /** Elasticsearch's default index.max_result_window: deeper pages are not served. */
    public static final int MAX_WINDOW = 10_000;

    private static final String TYPE_FACET = "type";
    private static final String FIELD_FACET = "field";
    private static final String REGION_FACET = "region";
    private static final String STATUS_FACET = "status";
    private static final String TERMS = "terms";

    private final ElasticsearchClient client;
    private final String achievementsIndex;
    private final String demandsIndex;

    @Inject
    public FullTextSearch(ElasticsearchClient client) {
        this(client, IndexAdmin.ACHIEVEMENTS, IndexAdmin.DEMANDS);
    }

    public FullTextSearch(ElasticsearchClient client, String achievementsIndex, String demandsIndex) {
        this.client = client;
        this.achievementsIndex = achievementsIndex;
        this.demandsIndex = demandsIndex;
    }

    /** The fields of either side a result is built from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String id, String organisationId, String title, String institution, String enterprise,
            String fieldCode, String regionCode, Integer trl, Integer minTrl, String status, String confidentiality) {
    }

    public SearchResult search(SearchQuery query) {
        Query selection = selection(query);
        Query type = typeFilter(query.type());
        Query field = fieldFilter(query.fieldCode());
        Query region = regionFilter(query.regionCode());
        try {
            SearchResponse<Source> response = client.search(s -> s
                            .index(List.of(achievementsIndex, demandsIndex))
                            .query(selection)
                            .postFilter(allOf(type, field, region))
                            .from(query.page() * query.size())
                            .size(query.size())
                            .trackTotalHits(t -> t.enabled(true))
                            .sort(sort(query.text() != null))
                            .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                            .highlight(highlight())
                            .aggregations(TYPE_FACET, facet(allOf(field, region), "_index", 10))
                            .aggregations(FIELD_FACET, facet(allOf(type, region), "fieldTop", 20))
                            .aggregations(REGION_FACET, facet(allOf(type, field), "provinceCode", 50))
                            .aggregations(STATUS_FACET, facet(allOf(type, field, region), "status", 20)),
                    Source.class);
            List<SearchResult.Item> items = response.hits().hits().stream().map(FullTextSearch::item).toList();
            long total = response.hits().total() == null ? items.size() : response.hits().total().value();
            int pages = (int) ((total + query.size() - 1) / query.size());
            Map<String, Aggregate> aggregations = response.aggregations();
            SearchResult.Facets facets = new SearchResult.Facets(
                    buckets(aggregations, TYPE_FACET, key -> RecordType.ofIndex(key).key(), key -> null),
                    buckets(aggregations, FIELD_FACET, key -> key,
                            key -> TechnicalField.byCode(key).map(TechnicalField::nameZh).orElse(null)),
                    buckets(aggregations, REGION_FACET, key -> key + "0000", key -> null),
                    buckets(aggregations, STATUS_FACET, key -> key, key -> null));
            return new SearchResult(items, query.page(), query.size(), total, pages, facets);
        } catch (IOException e) {
            throw new UncheckedIOException("full-text search failed", e);
        }
    }

    /** What is searched: the words (or everything), within the pool unless asked otherwise, at the maturity asked. */
    private Query selection(SearchQuery query) {
        Query text = query.text() == null
                ? Query.of(q -> q.matchAll(m -> m))
                : Query.of(q -> q.multiMatch(m -> m.query(query.text()).fields(TEXT_FIELDS)
                        .type(TextQueryType.BestFields).tieBreaker(0.3)));
        List<Query> filters = new ArrayList<>();
        if (query.text() != null && query.confidential() != null && !query.confidential().everything()) {
            // Words must not find a demand whose text the caller may not see: that would reveal the text.
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(hiddenDemands(query.confidential())))));
        }
        if (!query.includeInactive()) {
            filters.add(Query.of(q -> q.term(t -> t.field("inPool").value(true))));
        }
        if (query.minTrl() != null) {
            // Achievements at or above the level; demands state a wanted maturity instead, so they all stay.
            Query achievement = isSide(RecordType.ACHIEVEMENT);
            filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.bool(a -> a.filter(achievement)
                            .filter(f -> f.range(r -> r.number(n -> n.field("trl").gte(query.minTrl().doubleValue()))))))
                    .should(s -> s.bool(d -> d.mustNot(achievement))))));
        }
        return Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
    }

    /** The BROKERS_ONLY demands outside the caller's scope: neither its own nor disclosed to it. */
    private Query hiddenDemands(ConfidentialScope scope) {
        return Query.of(q -> q.bool(b -> {
            b.filter(isSide(RecordType.DEMAND))
                    .filter(f -> f.term(t -> t.field("confidentiality").value(ConfidentialScope.BROKERS_ONLY)));
            if (scope.organisationId() != null) {
                b.mustNot(m -> m.term(t -> t.field("organisationId").value(scope.organisationId())));
            }
            if (!scope.disclosedDemandIds().isEmpty()) {
                b.mustNot(m -> m.ids(i -> i.values(List.copyOf(scope.disclosedDemandIds()))));
            }
            return b;
        }));
    }

    private Query typeFilter(RecordType type) {
        return type == null ? null : isSide(type);
    }

    /** The concrete indexes behind an alias are named after it ({@code achievements-20260101-…}). */
    private Query isSide(RecordType type) {
        String alias = type == RecordType.ACHIEVEMENT ? achievementsIndex : demandsIndex;
        return Query.of(q -> q.prefix(p -> p.field("_index").value(alias)));
    }

    /** A top-level field takes in its sub-fields. */
    private static Query fieldFilter(String fieldCode) {
        if (fieldCode == null) {
            return null;
        }
        String field = fieldCode.equals(TechnicalField.topLevel(fieldCode)) ? "fieldTop" : "fieldCode";
        return Query.of(q -> q.term(t -> t.field(field).value(fieldCode)));
    }

    /** A province (xx0000) takes in its cities and counties, a city (xxxx00) its counties. */
    private static Query regionFilter(String regionCode) {
        if (regionCode == null) {
            return null;
        }
        if (regionCode.endsWith("0000")) {
            return Query.of(q -> q.term(t -> t.field("provinceCode").value(regionCode.substring(0, 2))));
        }
        if (regionCode.endsWith("00")) {
            return Query.of(q -> q.prefix(p -> p.field("regionCode").value(regionCode.substring(0, 4))));
        }
        return Query.of(q -> q.term(t -> t.field("regionCode").value(regionCode)));
    }

    private static Query allOf(Query... filters) {
        List<Query> present = new ArrayList<>();
        for (Query filter : filters) {
            if (filter != null) {
                present.add(filter);
            }
        }
        return Query.of(q -> q.bool(b -> b.filter(present)));
    }

    private static Aggregation facet(Query filter, String field, int size) {
        return Aggregation.of(a -> a.filter(filter)
                .aggregations(TERMS, t -> t.terms(terms -> terms.field(field).size(size))));
    }

    /** Best first when there are words, else the most recently changed first; the id keeps pages stable. */
    private static List<SortOptions> sort(boolean byRelevance) {
        List<SortOptions> sort = new ArrayList<>();
        if (byRelevance) {
            sort.add(SortOptions.of(s -> s.score(sc -> sc.order(SortOrder.Desc))));
        }
        sort.add(SortOptions.of(s -> s.field(f -> f.field("updatedAt").order(SortOrder.Desc)
                .unmappedType(FieldType.Date))));
        sort.add(SortOptions.of(s -> s.field(f -> f.field("id").order(SortOrder.Asc))));
        return sort;
    }

    /** HTML-encoded fragments, so the only markup a client gets is the {@code <em>} around the matched words. */
    private static Highlight highlight() {
        HighlightField whole = HighlightField.of(f -> f.numberOfFragments(0));
        HighlightField fragments = HighlightField.of(f -> f.fragmentSize(100).numberOfFragments(2));
        return Highlight.of(h -> h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html)
                .requireFieldMatch(false)
                .fields(NamedValue.of("title", whole), NamedValue.of("keywords", whole),
                        NamedValue.of("summary", fragments), NamedValue.of("problem", fragments),
                        NamedValue.of("advantages", fragments), NamedValue.of("indicators", fragments),
                        NamedValue.of("institution", whole), NamedValue.of("enterprise", whole)));
    }

    /** The record as found; what a caller may not see of a confidential demand is removed by access.Visibility. */
    private static SearchResult.Item item(Hit<Source> hit) {
        RecordType type = RecordType.ofIndex(hit.index());
        Source source = hit.source() != null ? hit.source()
                : new Source(hit.id(), null, null, null, null, null, null, null, null, null, null);
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        // smartcn often cuts a Chinese word into characters: <em>钙</em><em>钛</em><em>矿</em> → <em>钙钛矿</em>
        hit.highlight().forEach((field, fragments) ->
                highlights.put(field, fragments.stream().map(f -> f.replace("</em><em>", "")).toList()));
        boolean achievement = type == RecordType.ACHIEVEMENT;
        return new SearchResult.Item(type.key(), hit.id(), source.title(), source.organisationId(),
                achievement ? source.institution() : source.enterprise(), source.fieldCode(), source.regionCode(),
                achievement ? source.trl() : null,
                achievement ? null : source.minTrl(),
                source.status(), hit.score(), highlights,
                achievement ? null : ConfidentialScope.BROKERS_ONLY.equals(source.confidentiality()));
    }

    private static List<SearchResult.Bucket> buckets(Map<String, Aggregate> aggregations, String name,
            UnaryOperator<String> key, UnaryOperator<String> label) {
        Aggregate facet = aggregations.get(name);
        if (facet == null) {
            return List.of();
        }
        Aggregate terms = facet.filter().aggregations().get(TERMS);
        // Two concrete indexes of one side (during a reindex) fold into one bucket.
        Map<String, Long> counts = new LinkedHashMap<>();
        terms.sterms().buckets().array().forEach(b -> counts.merge(key.apply(b.key().stringValue()), b.docCount(), Long::sum));
        return counts.entrySet().stream()
                .map(e -> new SearchResult.Bucket(e.getKey(), label.apply(e.getKey()), e.getValue()))
                .toList();
    }
}
