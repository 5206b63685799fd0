package io.techbridge.demand.duplicates;

import io.techbridge.demand.domain.DemandStatus;
import io.techbridge.demand.persistence.Demand;
import io.techbridge.listing.duplicates.DuplicateConfig;
import io.techbridge.listing.duplicates.DuplicateIndex;
import io.techbridge.listing.duplicates.Fingerprint;
import io.techbridge.listing.duplicates.IndexTables;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/**
 * The near-duplicate index of demands: their LSH buckets in {@code demand_lsh}. A demand is
 * compared by its title and its problem statement; closed ones (merged ones too) are never candidates.
 */
@ApplicationScoped
public class DemandIndex extends DuplicateIndex<Demand> {

    private static final IndexTables TABLES = new IndexTables("demand", "demand_lsh", "demand_id", null,
            DemandStatus.CLOSED.name(), List.of("problem"));

    public DemandIndex(EntityManager entityManager, DuplicateConfig config) {
        super(entityManager, config, Demand.class, TABLES);
    }

    /** What a demand with this content is compared by. */
    public static Fingerprint fingerprint(String title, String problem) {
        return Fingerprint.of(title, problem);
    }

    @Override
    public UUID idOf(Demand demand) {
        return demand.id;
    }

    @Override
    public Fingerprint fingerprintOf(Demand demand) {
        return fingerprint(demand.title, demand.problem);
    }

    @Override
    protected Fingerprint fingerprintOf(String title, List<String> content) {
        return fingerprint(title, content.getFirst());
    }
}
