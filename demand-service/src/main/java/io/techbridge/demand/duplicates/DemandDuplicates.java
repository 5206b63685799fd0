package io.techbridge.demand.duplicates;

import io.techbridge.demand.api.DemandViews;
import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.Demand;
import io.techbridge.demand.persistence.DemandRepository;
import io.techbridge.demand.security.DemandAccess;
import io.techbridge.listing.Listing;
import io.techbridge.listing.duplicates.DuplicateCandidate;
import io.techbridge.listing.duplicates.DuplicateCheck;
import io.techbridge.listing.duplicates.DuplicateConfig;
import io.techbridge.listing.duplicates.DuplicateRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;
import java.util.function.Predicate;

/**
 * Finds the posted demands a new one may duplicate, of any organisation (similar title or problem
 * statement). A candidate is shown in full to whom may read it in full: a confidential or stale
 * demand of another organisation is anonymised.
 */
@ApplicationScoped
public class DemandDuplicates extends DuplicateCheck<Demand> {

    private final DemandAccess access;

    public DemandDuplicates(DemandIndex index, DuplicateConfig config, Listing listing, DemandRepository repository,
            DemandAccess access) {
        super(index, repository, config, listing);
        this.access = access;
    }

    @Override
    protected boolean closed(Demand demand) {
        return demand.status == DemandStatus.CLOSED;
    }

    @Override
    protected Predicate<Demand> readableByCaller(List<Demand> demands) {
        return inFull(access.rightsOver(demands));
    }

    @Override
    protected Predicate<Demand> readableBy(String organisationId, boolean seesEverything, Collection<Demand> demands) {
        return inFull(access.rightsOf(organisationId, seesEverything, demands));
    }

    private static Predicate<Demand> inFull(DemandViews.Rights rights) {
        return demand -> rights.maySee(demand) && rights.seesFullText(demand);
    }

    @Override
    protected DuplicateCandidate shown(Demand demand, DuplicateRules.Verdict verdict) {
        return DuplicateCandidate.of(demand.id, demand.title, demand.organisationId, demand.status.name(), verdict);
    }
}
