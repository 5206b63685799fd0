package io.techbridge.listing.duplicates;

import io.techbridge.commons.problem.Problems;

/** The {@code ?duplicates=confirmed} of a create or an import: the caller knows of near-duplicates and goes on. */
public final class DuplicatesParameter {

    private DuplicatesParameter() {
    }

    /** Whether the caller confirmed; any value other than {@code confirmed} is a 400 naming the parameter. */
    public static boolean confirmed(String duplicates) {
        if (duplicates == null) {
            return false;
        }
        if (!"confirmed".equals(duplicates)) {
            throw Problems.invalidQuery("duplicates", "AllowedValues", "must be 'confirmed' (or left out)");
        }
        return true;
    }
}
