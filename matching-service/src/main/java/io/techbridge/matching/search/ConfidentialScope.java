package io.techbridge.matching.search;

import java.util.Set;

/**
 * Which BROKERS_ONLY demands a caller may see in full: all of them (brokers and admins), or only
 * those of the caller's own organisation and those disclosed to it by an accepted introduction
 * (none for an anonymous caller). Built by {@code access.Visibility}.
 */
public record ConfidentialScope(boolean everything, String organisationId, Set<String> disclosedDemandIds) {

    public static final String BROKERS_ONLY = "BROKERS_ONLY";
    public static final ConfidentialScope EVERYTHING = new ConfidentialScope(true, null, Set.of());
    /** An anonymous caller's: no organisation, nothing disclosed. */
    public static final ConfidentialScope NOBODY = new ConfidentialScope(false, null, Set.of());

    public ConfidentialScope {
        disclosedDemandIds = disclosedDemandIds == null ? Set.of() : Set.copyOf(disclosedDemandIds);
    }

    /** Whether a demand of this confidentiality, organisation and id is shown in full. */
    public boolean reveals(String confidentiality, String demandOrganisationId, String demandId) {
        return !BROKERS_ONLY.equals(confidentiality) || everything
                || organisationId != null && organisationId.equals(demandOrganisationId)
                || disclosedDemandIds.contains(demandId);
    }
}
