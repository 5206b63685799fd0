package io.techbridge.listing;

import io.techbridge.listing.disclosure.Disclosure;
import io.techbridge.listing.disclosure.MatchSide;
import io.techbridge.listing.duplicates.DuplicateTexts;

import java.util.Objects;

/**
 * What the kit needs to know of the listing a service keeps, declared once by the service (a CDI
 * producer): what its records are called in logs, metrics and messages, and which side of a match
 * they are.
 *
 * @param noun             the record in logs and metric names, lower case: {@code achievement} gives the
 *                         counter {@code techbridge.achievement.stale} and "marked 3 achievement(s) stale"
 * @param side             the side of a match the records are: who they are disclosed to
 * @param disclosure       the service's entity of its {@code disclosure} table
 * @param staleDescription the description of the counter of records marked stale
 * @param duplicates       what users read about near-duplicates
 */
public record Listing(String noun, MatchSide side, Class<? extends Disclosure> disclosure, String staleDescription,
        DuplicateTexts duplicates) {

    public Listing {
        Objects.requireNonNull(noun, "noun");
        Objects.requireNonNull(side, "side");
        Objects.requireNonNull(disclosure, "disclosure");
        Objects.requireNonNull(staleDescription, "staleDescription");
        Objects.requireNonNull(duplicates, "duplicates");
    }
}
