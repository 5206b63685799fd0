package io.techbridge.listing.duplicates;

import java.util.List;
import java.util.Objects;

/**
 * Where a listing's records and their duplicate index entries are: names of the service's own
 * schema (its Flyway migrations), never user input.
 *
 * @param records      the records' table ({@code achievement}): {@code id}, {@code version},
 *                     {@code organisation_id}, {@code status}, {@code title}, {@code created_at}
 * @param buckets      the LSH entries ({@code achievement_lsh}: {@code band}, {@code bucket}, owner)
 * @param owner        the column of the entries naming the record ({@code achievement_id})
 * @param patents      the patent keys ({@code achievement_patent}: {@code patent_key}, owner); null
 *                     for a listing without patents
 * @param closedStatus the status of records that are never candidates ({@code WITHDRAWN}; merged ones have it too)
 * @param content      the columns read, as text, besides the title to compare a candidate
 *                     ({@code summary}, {@code patent_numbers::text})
 */
public record IndexTables(String records, String buckets, String owner, String patents, String closedStatus,
        List<String> content) {

    public IndexTables {
        Objects.requireNonNull(records, "records");
        Objects.requireNonNull(buckets, "buckets");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(closedStatus, "closedStatus");
        content = List.copyOf(content);
    }
}
