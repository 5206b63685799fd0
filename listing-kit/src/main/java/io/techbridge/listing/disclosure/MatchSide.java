package io.techbridge.listing.disclosure;

import java.util.UUID;

/**
 * The side of a match a listing service keeps. When the enterprise of a pair accepts the
 * introduction, each side's listing is disclosed to the other side's organisation: the
 * achievement to the demand's organisation, the demand to the achievement's.
 */
public enum MatchSide {

    ACHIEVEMENT,
    DEMAND;

    /** The listing of this side that the match discloses. */
    public UUID listingOf(MatchDisclosure match) {
        return this == ACHIEVEMENT ? match.achievementId() : match.demandId();
    }

    /** The organisation it is disclosed to: the other side's. */
    public String disclosedTo(MatchDisclosure match) {
        return this == ACHIEVEMENT ? match.demandOrganisationId() : match.achievementOrganisationId();
    }
}
