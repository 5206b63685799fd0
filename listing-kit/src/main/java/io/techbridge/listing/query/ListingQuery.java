package io.techbridge.listing.query;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.commons.api.PageRequest;
import io.techbridge.commons.persistence.Filters;
import io.techbridge.listing.ListingRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * The query of a listing page: the filters every listing offers, the conditions a service adds
 * (who may see what), newest change first. Conditions are JPQL on the listing's entity, which has
 * {@code fieldCode}, {@code status}, {@code organisationId}, {@code regionCode}, {@code title},
 * {@code updatedAt} and {@code id}.
 */
public final class ListingQuery {

    private final List<String> conditions = new ArrayList<>();
    private final Parameters parameters = new Parameters();

    /** One page of the records and how many there are in all. */
    public record Page<E>(List<E> items, long total) {
    }

    /** A condition of the service's own, with the parameters it names. */
    public ListingQuery where(String condition) {
        conditions.add(condition);
        return this;
    }

    public ListingQuery with(String parameter, Object value) {
        parameters.and(parameter, value);
        return this;
    }

    /**
     * The filters every listing offers, each only when given: a technical field (a top-level one,
     * {@code 04}, also finds its sub-fields, {@code 04.03}), a status, an organisation, a region (a
     * province or city also finds what lies below it) and text the title contains (any case).
     */
    public ListingQuery filters(String fieldCode, Object status, String organisationId, String regionCode,
            String titleContains) {
        if (fieldCode != null) {
            where("(fieldCode = :field or fieldCode like :fieldPrefix)").with("field", fieldCode)
                    .with("fieldPrefix", fieldCode + ".%");
        }
        if (status != null) {
            where("status = :status").with("status", status);
        }
        if (organisationId != null) {
            where("organisationId = :organisation").with("organisation", organisationId);
        }
        if (regionCode != null) {
            where("regionCode like :region").with("region", Filters.regionPrefix(regionCode) + "%");
        }
        if (titleContains != null) {
            where("lower(title) like :title escape '\\'").with("title", Filters.containing(titleContains));
        }
        return this;
    }

    /** A listing's sort key: {@code updatedAt}, {@code id}. */
    private static final int KEY_LENGTH = 2;

    /**
     * The paging of a listing: by page number, or after a cursor of the list named {@code list},
     * whose key is the last row's {@code updatedAt} and {@code id} ({@link #keyOf}).
     */
    public static PageRequest paging(String list, String page, String size, String cursor) {
        return PageRequest.parse(page, size, cursor, list, KEY_LENGTH);
    }

    /** A record's place in the listing's order: its last change, then its id. */
    public static List<Object> keyOf(ListingRecord record) {
        return List.of(record.updatedAt, record.id);
    }

    /**
     * The page of the records that meet every condition, newest change first (ties by id), and their
     * count. After a cursor, the rows that come after its key in that order (a keyset page: rows
     * changed since the walk began move to its front, so none of the others is skipped or repeated),
     * one more than the page to tell whether more follow.
     */
    public <E> Page<E> page(PanacheRepositoryBase<E, ?> repository, PageRequest page) {
        long total = query(repository).count();
        if (!page.byCursor()) {
            return new Page<>(query(repository).page(page.page(), page.size()).list(), total);
        }
        where("(updatedAt < :afterChange or (updatedAt = :afterChange and id > :afterId))")
                .with("afterChange", page.after().instant(0)).with("afterId", page.after().uuid(1));
        return new Page<>(query(repository).range(0, page.rowsToRead() - 1).list(), total);
    }

    private <E> PanacheQuery<E> query(PanacheRepositoryBase<E, ?> repository) {
        Sort sort = Sort.descending("updatedAt").and("id");
        return conditions.isEmpty() ? repository.findAll(sort)
                : repository.find(String.join(" and ", conditions), sort, parameters);
    }
}
