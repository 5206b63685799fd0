package io.techbridge.matching.domain;

/**
 * The two kinds of listing a pair joins, by the aggregate type their owning services publish
 * them under; the proposal queue and the reindex key records by it.
 */
public final class ListingType {

    public static final String ACHIEVEMENT = "Achievement";
    public static final String DEMAND = "Demand";

    private ListingType() {
    }
}
