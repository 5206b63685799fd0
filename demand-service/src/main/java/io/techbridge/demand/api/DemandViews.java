package io.techbridge.demand.api;

import io.techbridge.demand.domain.Confidentiality;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.Demand;

import java.util.Set;
import java.util.UUID;

/**
 * The one place where a demand becomes what a caller may see of it. The owner organisation,
 * brokers, admins and organisations it was disclosed to (an accepted introduction) see it in full;
 * everyone else sees a public demand without the contact and a confidential one as an anonymised
 * {@link DemandSummary}.
 */
public final class DemandViews {

    private DemandViews() {
    }

    /**
     * What one caller may see: its organisation (null when anonymous), whether it sees everything
     * (broker, admin), and which of the demands at hand were disclosed to its organisation.
     */
    public record Rights(String organisationId, boolean seesEverything, Set<UUID> disclosed) {

        public boolean owns(Demand d) {
            return organisationId != null && organisationId.equals(d.organisationId);
        }

        /** A stale demand is shown only to its own organisation, brokers and admins (others: 404, not listed). */
        public boolean maySee(Demand d) {
            return d.status != DemandStatus.STALE || seesEverything || owns(d);
        }

        public boolean seesContact(Demand d) {
            return seesEverything || owns(d) || disclosed.contains(d.id);
        }

        public boolean seesFullText(Demand d) {
            return d.confidentiality == Confidentiality.PUBLIC || seesContact(d);
        }
    }

    public static DemandView of(Demand demand, Rights rights, ChallengeView challenge) {
        if (!rights.seesFullText(demand)) {
            return DemandSummary.of(demand);
        }
        DemandResponse full = DemandResponse.of(demand, challenge);
        return rights.seesContact(demand) ? full : full.withoutContact();
    }

    /** The full record, for whoever just changed it: its owner or the admin who posted it. */
    public static DemandResponse ofEditor(Demand demand, ChallengeView challenge) {
        return DemandResponse.of(demand, challenge);
    }
}
