package io.techbridge.matching.api;

import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.problem.Problems;
import io.techbridge.matching.access.Visibility;
import io.techbridge.matching.search.ConfidentialScope;
import io.techbridge.matching.search.FullTextSearch;
import io.techbridge.matching.search.IndexAdmin;
import io.techbridge.matching.search.SearchQuery;
import io.techbridge.matching.search.SearchQuery.RecordType;
import io.techbridge.matching.search.SearchResult;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Search", description = "Full-text search over achievements and demands")
public class SearchResource {

    static final int MAX_QUERY_LENGTH = 200;

    private final FullTextSearch search;
    private final IndexAdmin indexes;
    private final Visibility visibility;
    private final CallerViews views;

    public SearchResource(FullTextSearch search, IndexAdmin indexes, Visibility visibility, CallerViews views) {
        this.search = search;
        this.indexes = indexes;
        this.visibility = visibility;
        this.views = views;
    }

    @GET
    @Operation(operationId = "search", summary = "Search achievements and demands by words, field, region and maturity",
            description = """
                    Searches the titles, keywords, summaries / problem statements, advantages / indicators and \
                    organisation names of both sides, best first; without `q` it lists the newest changed records \
                    first. Words and phrases: `q` is cut at spaces and punctuation (a part in double quotes stays \
                    one phrase); a Chinese term must appear as written, contiguously (石墨烯 never matches 沸石 or \
                    丁烯), a longer one may also match with at most a quarter of its character pairs missing; an \
                    English term matches its word forms; a single Chinese character matches only a keyword that is \
                    exactly it; a term's translation from the bilingual term list counts as the term (石墨烯 ↔ \
                    graphene). A record needs all of one or two terms and three quarters of more; stop and generic \
                    words (the, 技术) are ignored unless the query has nothing else. Besides the words, a record \
                    whose text means nearly the same as `q` (embedding similarity at least \
                    techbridge.search.semantic-floor, 0.65) is found too, after those found by words. Only records \
                    in the matching pool (published achievements, open and valid demands) unless \
                    `includeInactive=true`. Matched words are wrapped in `<em>` in `highlights`; the rest of each \
                    fragment is HTML-escaped. No login needed. A demand whose confidentiality is BROKERS_ONLY \
                    (`confidential: true`) is shown in full to brokers, admins, its own enterprise and an \
                    organisation its introduction was accepted by; everyone else gets it anonymised (title \
                    保密需求（<field>）, no organisation, no highlights) and cannot find it by words nor by meaning, \
                    only by listing and filters. Facet counts cover the whole result, not just the page; the \
                    `region` facet is counted per province and labelled with its name (GB/T 2260); \
                    the `type`, `field` and `region` facets are each counted without their own filter.""")
    public SearchResult search(
            @Parameter(description = "Words to look for (at most 200 characters); absent lists everything")
            @QueryParam("q") String q,
            @Parameter(description = "achievement or demand; absent: both")
            @QueryParam("type") String type,
            @Parameter(description = "Technical-field code: a top-level field (04) includes its sub-fields (04.01…)")
            @QueryParam("field") String field,
            @Parameter(description = "Six-digit region code: a province (330000), a city (330100) with its "
                    + "counties, or a county (330106)")
            @QueryParam("region") String region,
            @Parameter(description = "Lowest maturity (TRL 1–9) of achievements; applies to achievements only, "
                    + "demands are not filtered by it", schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "9"))
            @QueryParam("minTrl") String minTrl,
            @Parameter(description = "true to include records outside the matching pool (withdrawn, draft, "
                    + "expired, solved or closed)", schema = @Schema(type = SchemaType.BOOLEAN))
            @QueryParam("includeInactive") String includeInactive,
            @Parameter(description = "Page number, from 0 (for people paging through); not with cursor")
            @QueryParam("page") String page,
            @Parameter(description = "Page size, 1–100 (default 20)") @QueryParam("size") String size,
            @QueryParam("cursor") String cursor) {
        String words = QueryParameters.text("q", q, MAX_QUERY_LENGTH);
        PageRequest paging = PageRequest.parse(page, size, cursor, FullTextSearch.CURSORS,
                FullTextSearch.keyLength(words != null));
        if (((long) paging.page() + 1) * paging.size() > FullTextSearch.MAX_WINDOW) {
            throw Problems.invalidQuery("page", "Range", "only the first " + FullTextSearch.MAX_WINDOW
                    + " results can be paged through by number; narrow the search, or walk it with cursor");
        }
        ConfidentialScope confidential = visibility.confidentialScope(null);
        SearchQuery query = new SearchQuery(
                words,
                recordType(type),
                QueryParameters.fieldCode("field", field),
                QueryParameters.regionCode("region", region),
                trl(minTrl),
                bool("includeInactive", includeInactive),
                paging, confidential);
        indexes.ensureAliases();
        return views.show(search.search(query), confidential);
    }

    private static RecordType recordType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        RecordType type = RecordType.ofKey(value.strip().toLowerCase());
        if (type == null) {
            throw Problems.invalidQuery("type", "OneOf", "must be achievement or demand");
        }
        return type;
    }

    private static Integer trl(String value) {
        return QueryParameters.wholeNumber("minTrl", value, 1, 9);
    }

    private static boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw Problems.invalidQuery(name, "type", "must be true or false");
        };
    }
}
