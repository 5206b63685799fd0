package io.techbridge.matching.search;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.FieldValue;
import co.elastic.clients.elasticsearch._types.SortOptions;
import co.elastic.clients.elasticsearch._types.SortOrder;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregate;
import co.elastic.clients.elasticsearch._types.aggregations.Aggregation;
import co.elastic.clients.elasticsearch._types.mapping.FieldType;
import co.elastic.clients.elasticsearch._types.query_dsl.Query;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.core.search.Highlight;
import co.elastic.clients.elasticsearch.core.search.HighlightField;
import co.elastic.clients.elasticsearch.core.search.HighlighterEncoder;
import co.elastic.clients.elasticsearch.core.search.Hit;
import co.elastic.clients.util.NamedValue;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.api.Cursor;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.domain.Regions;
import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.config.SearchConfig;
import io.techbridge.matching.embedding.EmbeddingService;
import io.techbridge.matching.search.SearchQuery.RecordType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
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
 *
 * <p>The text query finds a record by words or by meaning. <b>Words</b>: the query is cut into
 * terms ({@link QueryTerms}); a term with Chinese characters must appear contiguously (a phrase of
 * the bigram analysis, so 石墨烯 never matches 沸石 or 丁烯 by a shared character), a Latin term
 * matches the English analysis (stemmed), a lone Chinese character only a keyword that is exactly
 * it; a term's translations from the bilingual term list count as the term. A record needs all of
 * one or two terms and three quarters of more. <b>Meaning</b>: the query's embedding finds the
 * records whose embedding has at least {@code techbridge.search.semantic-floor} cosine similarity
 * (a kNN query under the same filters; not for a query with a part in quotes, which asks for exactly
 * those words). Hits by words rank by BM25; hits by meaning alone come after them, nearest first.
 */
@ApplicationScoped
public class FullTextSearch {

    private static final Logger LOG = Logger.getLogger(FullTextSearch.class);

    /** Where a Chinese term is looked for as a contiguous phrase of the bigram analysis, with boosts. */
    static final List<String> CJK_FIELDS = List.of(
            "title.cjk^3", "keywords.cjk^3", "summary.cjk", "problem.cjk", "advantages.cjk", "indicators.cjk");
    /** Where a Latin term is looked for through the English analysis (stemmed), with boosts. */
    static final List<String> ENGLISH_FIELDS = List.of(
            "title.en^3", "keywords.en^3", "summary.en", "problem.en", "advantages.en", "indicators.en");
    /** The standard analysis: only for a query of stop words alone (the English analysis drops them). */
    static final List<String> STANDARD_FIELDS = List.of(
            "title.std^3", "keywords.std^3", "summary.std", "problem.std", "advantages.std", "indicators.std");
    /** Organisation names, matched as phrases in either script. */
    static final List<String> NAME_FIELDS = List.of("institution", "enterprise");
    /** A term that is exactly a keyword. */
    private static final String KEYWORD = "keywords.raw";
    private static final float KEYWORD_BOOST = 3;
    /** From this many characters on, an unquoted Chinese term may match without being contiguous. */
    private static final int MIN_SPLIT_TERM = 4;
    /** How many of such a term's bigrams must be found: all but a quarter (rounded down), so a 4-character term needs all three. */
    private static final String SPLIT_TERM_BIGRAMS = "-25%";
    /** How much the other fields a term matches add to its best field. */
    private static final double TIE_BREAKER = 0.3;
    /**
     * The score of a hit by meaning alone is the kNN score ((1 + cosine) / 2) times this: below any
     * hit by words, so the words' BM25 order stands and hits by meaning follow, nearest first.
     */
    private static final float SEMANTIC_BOOST = 0.1f;
    /** What a result shows; never the embedding, and there is no contact data in the index at all. */
    private static final List<String> SOURCE_FIELDS = List.of("id", "organisationId", "title", "institution",
            "enterprise", "fieldCode", "regionCode", "trl", "minTrl", "status", "confidentiality");
    /** Elasticsearch's default index.max_result_window: deeper pages by number are not served (by cursor they are). */
    public static final int MAX_WINDOW = 10_000;
    /** The search's cursors: of the list named so, keyed by the hit's sort values (see {@link #sort}). */
    public static final String CURSORS = "search";

    private static final String TYPE_FACET = "type";
    private static final String FIELD_FACET = "field";
    private static final String REGION_FACET = "region";
    private static final String STATUS_FACET = "status";
    private static final String TERMS = "terms";

    /**
     * The route by meaning: the query's embedding, and the cosine similarity a record's embedding needs
     * to be found by it ({@code floor}), at most {@code hits} such records, from {@code candidates} per shard.
     */
    public record Semantic(EmbeddingService embeddings, double floor, int hits, int candidates) {

        /** The route with the service's default settings ({@link SearchConfig}). */
        public static Semantic of(EmbeddingService embeddings) {
            return new Semantic(embeddings, Double.parseDouble(SearchConfig.DEFAULT_SEMANTIC_FLOOR),
                    Integer.parseInt(SearchConfig.DEFAULT_SEMANTIC_HITS),
                    Integer.parseInt(SearchConfig.DEFAULT_SEMANTIC_CANDIDATES));
        }

        static Semantic of(EmbeddingService embeddings, SearchConfig config) {
            return new Semantic(embeddings, config.semanticFloor(), config.semanticHits(), config.semanticCandidates());
        }

        boolean enabled() {
            return embeddings != null && floor <= 1 && hits > 0;
        }
    }

    private final ElasticsearchClient client;
    private final String achievementsIndex;
    private final String demandsIndex;
    private final Semantic semantic;

    @Inject
    public FullTextSearch(ElasticsearchClient client, EmbeddingService embeddings, SearchConfig config) {
        this(client, IndexAdmin.ACHIEVEMENTS, IndexAdmin.DEMANDS, Semantic.of(embeddings, config));
    }

    /** Search by words only (no route by meaning). */
    public FullTextSearch(ElasticsearchClient client, String achievementsIndex, String demandsIndex) {
        this(client, achievementsIndex, demandsIndex, (Semantic) null);
    }

    /** Search by words and by meaning with the default settings. */
    public FullTextSearch(ElasticsearchClient client, String achievementsIndex, String demandsIndex,
            EmbeddingService embeddings) {
        this(client, achievementsIndex, demandsIndex, Semantic.of(embeddings));
    }

    public FullTextSearch(ElasticsearchClient client, String achievementsIndex, String demandsIndex, Semantic semantic) {
        this.client = client;
        this.achievementsIndex = achievementsIndex;
        this.demandsIndex = demandsIndex;
        this.semantic = semantic != null && semantic.enabled() ? semantic : null;
    }

    /** The fields of either side a result is built from. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Source(String id, String organisationId, String title, String institution, String enterprise,
            String fieldCode, String regionCode, Integer trl, Integer minTrl, String status, String confidentiality) {
    }

    /** How many sort values a hit has, so its cursor has: with words the score comes first. */
    public static int keyLength(boolean byRelevance) {
        return byRelevance ? 3 : 2;
    }

    public SearchResult search(SearchQuery query) {
        PageRequest paging = query.paging();
        Query selection = selection(query);
        Query type = typeFilter(query.type());
        Query field = fieldFilter(query.fieldCode());
        Query region = regionFilter(query.regionCode());
        try {
            SearchResponse<Source> response = client.search(s -> {
                        s.index(List.of(achievementsIndex, demandsIndex))
                                .query(selection)
                                .postFilter(allOf(type, field, region));
                        if (paging.byCursor()) {
                            s.searchAfter(searchAfter(paging.after(), query.text() != null));
                        } else {
                            s.from(paging.page() * paging.size());
                        }
                        return s.size(paging.rowsToRead())
                                .trackTotalHits(t -> t.enabled(true))
                                .sort(sort(query.text() != null))
                                .source(src -> src.filter(f -> f.includes(SOURCE_FIELDS)))
                                .highlight(highlight())
                                .aggregations(TYPE_FACET, facet(allOf(field, region), "_index", 10))
                                .aggregations(FIELD_FACET, facet(allOf(type, region), "fieldTop", 20))
                                .aggregations(REGION_FACET, facet(allOf(type, field), "provinceCode", 50))
                                .aggregations(STATUS_FACET, facet(allOf(type, field, region), "status", 20));
                    },
                    Source.class);
            List<Hit<Source>> hits = response.hits().hits();
            List<SearchResult.Item> items = paging.shown(hits).stream().map(FullTextSearch::item).toList();
            long total = response.hits().total() == null ? hits.size() : response.hits().total().value();
            int pages = (int) ((total + paging.size() - 1) / paging.size());
            Map<String, Aggregate> aggregations = response.aggregations();
            SearchResult.Facets facets = new SearchResult.Facets(
                    buckets(aggregations, TYPE_FACET, key -> RecordType.ofIndex(key).key(), key -> null),
                    buckets(aggregations, FIELD_FACET, key -> key,
                            key -> TechnicalField.byCode(key).map(TechnicalField::nameZh).orElse(null)),
                    buckets(aggregations, REGION_FACET, key -> key + "0000", key -> Regions.name(key).orElse(null)),
                    buckets(aggregations, STATUS_FACET, key -> key, key -> null));
            return new SearchResult(items, paging.pageNumber(), paging.size(), total, pages, facets,
                    paging.nextCursor(hits, total, FullTextSearch::keyOf));
        } catch (IOException | ElasticsearchException e) {
            throw SearchUnavailableException.reading("full-text search in " + achievementsIndex + " and " + demandsIndex, e);
        }
    }

    /** What is searched: the words (or everything), within the pool unless asked otherwise, at the maturity asked. */
    private Query selection(SearchQuery query) {
        List<Query> filters = new ArrayList<>();
        if (query.text() != null && query.confidential() != null && !query.confidential().everything()) {
            // Neither words nor meaning may find a demand whose text the caller may not see: a hit would reveal the text.
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(hiddenDemands(query.confidential())))));
        }
        if (!query.includeInactive()) {
            filters.add(Query.of(q -> q.term(t -> t.field("inPool").value(true))));
        } else if (query.confidential() == null || !query.confidential().everything()) {
            // Outside the pool, drafts and stale records are their owners' business, as at the owning services.
            ConfidentialScope scope = query.confidential() == null ? ConfidentialScope.NOBODY : query.confidential();
            filters.add(Query.of(q -> q.bool(b -> b.mustNot(ownersOnly(scope)))));
        }
        if (query.changedSince() != null) {
            filters.add(Query.of(q -> q.range(r -> r.date(d -> d.field("updatedAt")
                    .gte(query.changedSince().toString())))));
        }
        if (query.minTrl() != null) {
            // Achievements at or above the level; demands state a wanted maturity instead, so they all stay.
            Query achievement = isSide(RecordType.ACHIEVEMENT);
            filters.add(Query.of(q -> q.bool(b -> b.minimumShouldMatch("1")
                    .should(s -> s.bool(a -> a.filter(achievement)
                            .filter(f -> f.range(r -> r.number(n -> n.field("trl").gte(query.minTrl().doubleValue()))))))
                    .should(s -> s.bool(d -> d.mustNot(achievement))))));
        }
        Query text = query.text() == null ? Query.of(q -> q.matchAll(m -> m)) : text(query.text(), filters);
        return Query.of(q -> q.bool(b -> b.must(text).filter(filters)));
    }

    /**
     * By words, or by meaning: the better of the two scores (words score far above meaning, see SEMANTIC_BOOST).
     * A query with a part in quotes asks for exactly those words, so it is answered by words alone.
     */
    private Query text(String text, List<Query> filters) {
        List<QueryTerms.Term> terms = QueryTerms.of(text);
        Query words = words(terms);
        if (terms.isEmpty() || terms.stream().anyMatch(QueryTerms.Term::quoted)) {
            return words;
        }
        float[] vector = embed(text);
        if (vector == null) {
            return words;
        }
        List<Float> queryVector = new ArrayList<>(vector.length);
        for (float v : vector) {
            queryVector.add(v);
        }
        Query meaning = Query.of(q -> q.knn(k -> k.field("embedding").queryVector(queryVector)
                .k(semantic.hits()).numCandidates(Math.max(semantic.candidates(), semantic.hits()))
                .similarity((float) semantic.floor()).filter(filters).boost(SEMANTIC_BOOST)));
        return Query.of(q -> q.disMax(d -> d.queries(words, meaning).tieBreaker(0.0)));
    }

    /** The query's embedding, or null when there is no route by meaning or the model failed (words still answer). */
    private float[] embed(String text) {
        if (semantic == null) {
            return null;
        }
        try {
            return semantic.embeddings().embed(text);
        } catch (RuntimeException e) {
            LOG.warnf(e, "search by meaning skipped: the query could not be embedded");
            return null;
        }
    }

    /** Each term is a clause; a record must match all of one or two terms, three quarters of more. */
    static Query words(List<QueryTerms.Term> terms) {
        if (terms.isEmpty()) {
            return Query.of(q -> q.matchNone(m -> m));
        }
        List<Query> clauses = terms.stream().map(FullTextSearch::term).toList();
        String required = Integer.toString(QueryTerms.required(clauses.size()));
        return Query.of(q -> q.bool(b -> b.should(clauses).minimumShouldMatch(required)));
    }

    /**
     * One term in every field it may appear in, or its translations; its score is that of its best field.
     * Chinese is mostly typed without spaces, so a longer Chinese term (not in quotes) also counts where
     * at most a quarter of its bigrams are missing: 海上风电塔筒长效防腐 finds 海上风电塔筒及钢结构…长效防腐.
     */
    private static Query term(QueryTerms.Term term) {
        List<Query> alternatives = new ArrayList<>(asPhrase(term));
        if (term.cjk() && !term.quoted() && term.length() >= MIN_SPLIT_TERM) {
            alternatives.add(Query.of(q -> q.combinedFields(c -> c.query(term.text()).fields(CJK_FIELDS)
                    .minimumShouldMatch(SPLIT_TERM_BIGRAMS))));
        }
        return Query.of(q -> q.disMax(d -> d.queries(alternatives).tieBreaker(TIE_BREAKER)));
    }

    /** The term as it is written, in every field it may appear in, and its translations. */
    private static List<Query> asPhrase(QueryTerms.Term term) {
        List<Query> alternatives = new ArrayList<>();
        if (term.loneCharacter()) {
            // A single character is no word: it counts only as a keyword of its own.
            alternatives.add(keyword(term.text()));
            return alternatives;
        }
        alternatives.addAll(phrases(term.text(), term.cjk() ? CJK_FIELDS : ENGLISH_FIELDS));
        if (!term.cjk() && !term.content()) {
            alternatives.addAll(phrases(term.text(), STANDARD_FIELDS));
        }
        alternatives.addAll(phrases(term.text(), NAME_FIELDS));
        alternatives.add(keyword(term.text()));
        for (String translation : term.translations()) {
            alternatives.addAll(phrases(translation, QueryTerms.hasCjk(translation) ? CJK_FIELDS : ENGLISH_FIELDS));
            alternatives.add(keyword(translation));
        }
        return alternatives;
    }

    private static List<Query> phrases(String text, List<String> fields) {
        List<Query> phrases = new ArrayList<>(fields.size());
        for (String field : fields) {
            int caret = field.indexOf('^');
            String name = caret < 0 ? field : field.substring(0, caret);
            float boost = caret < 0 ? 1 : Float.parseFloat(field.substring(caret + 1));
            phrases.add(Query.of(q -> q.matchPhrase(m -> m.field(name).query(text).boost(boost))));
        }
        return phrases;
    }

    private static Query keyword(String text) {
        return Query.of(q -> q.term(t -> t.field(KEYWORD).value(text).boost(KEYWORD_BOOST)));
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

    /**
     * Draft and stale achievements and stale demands not of the caller's organisation: the owning
     * services show them only to their organisation, brokers and admins ({@code GET /api/achievements/{id}}).
     */
    private Query ownersOnly(ConfidentialScope scope) {
        return Query.of(q -> q.bool(b -> {
            b.minimumShouldMatch("1")
                    .should(s -> s.bool(a -> a.filter(isSide(RecordType.ACHIEVEMENT))
                            .filter(f -> f.terms(t -> t.field("status").terms(v -> v.value(
                                    List.of(FieldValue.of("DRAFT"), FieldValue.of("STALE"))))))))
                    .should(s -> s.bool(d -> d.filter(isSide(RecordType.DEMAND))
                            .filter(f -> f.term(t -> t.field("status").value("STALE")))));
            if (scope.organisationId() != null) {
                b.mustNot(m -> m.term(t -> t.field("organisationId").value(scope.organisationId())));
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

    /** A hit's sort values (score, updatedAt as epoch milliseconds, id), as its cursor keeps them. */
    private static List<?> keyOf(Hit<Source> hit) {
        return hit.sort().stream().map(value -> switch (value._kind()) {
            case Double -> (Object) value.doubleValue();
            case Long -> value.longValue();
            case String -> value.stringValue();
            default -> value._toJsonString();
        }).toList();
    }

    /** The sort values of the hit a cursor was made of, for search_after. */
    private static List<FieldValue> searchAfter(Cursor after, boolean byRelevance) {
        List<FieldValue> values = new ArrayList<>();
        int next = 0;
        if (byRelevance) {
            values.add(FieldValue.of(after.number(next++)));
        }
        values.add(FieldValue.of(after.whole(next++)));
        values.add(FieldValue.of(after.text(next)));
        return values;
    }

    /**
     * Best first when there are words, else the most recently changed first; the id keeps pages
     * stable and makes every hit's sort values unique, so search_after neither skips nor repeats.
     */
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

    /**
     * HTML-encoded fragments, so the only markup a client gets is the {@code <em>} around the matched words.
     * Each text field is highlighted where the query matched it, in any of its analyses (bigram, English,
     * standard), so a Chinese phrase is marked whole (<em>石墨烯</em>) and its characters elsewhere are not.
     */
    private static Highlight highlight() {
        return Highlight.of(h -> h.preTags("<em>").postTags("</em>").encoder(HighlighterEncoder.Html)
                .requireFieldMatch(true)
                .fields(NamedValue.of("title", analysed("title", true)),
                        NamedValue.of("keywords", analysed("keywords", true)),
                        NamedValue.of("summary", analysed("summary", false)),
                        NamedValue.of("problem", analysed("problem", false)),
                        NamedValue.of("advantages", analysed("advantages", false)),
                        NamedValue.of("indicators", analysed("indicators", false)),
                        NamedValue.of("institution", HighlightField.of(f -> f.numberOfFragments(0))),
                        NamedValue.of("enterprise", HighlightField.of(f -> f.numberOfFragments(0)))));
    }

    private static HighlightField analysed(String field, boolean whole) {
        List<String> matched = List.of(field, field + ".cjk", field + ".en", field + ".std");
        return whole
                ? HighlightField.of(f -> f.numberOfFragments(0).matchedFields(matched))
                : HighlightField.of(f -> f.fragmentSize(100).numberOfFragments(2).matchedFields(matched));
    }

    /** The record as found; what a caller may not see of a confidential demand is removed by access.Visibility. */
    private static SearchResult.Item item(Hit<Source> hit) {
        RecordType type = RecordType.ofIndex(hit.index());
        Source source = hit.source() != null ? hit.source()
                : new Source(hit.id(), null, null, null, null, null, null, null, null, null, null);
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        // Adjacent matches form one mark: <em>钙钛</em><em>矿</em> → <em>钙钛矿</em>
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
