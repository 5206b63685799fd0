package io.techbridge.demand.domain;

import io.techbridge.demand.api.ChallengeView;
import io.techbridge.demand.config.DemandClock;
import io.techbridge.demand.persistence.ChallengeApplicationRepository;
import io.techbridge.demand.persistence.Demand;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where the challenges of demands stand today: phase and live applications, with one count query per call. */
@ApplicationScoped
public class ChallengeStates {

    private final ChallengeApplicationRepository applications;
    private final DemandClock clock;

    public ChallengeStates(ChallengeApplicationRepository applications, DemandClock clock) {
        this.applications = applications;
        this.clock = clock;
    }

    public ChallengePhase phase(Demand demand) {
        return ChallengePhase.of(demand, clock.today());
    }

    /** The challenge of one demand as it stands (null when it has none). */
    public ChallengeView of(Demand demand) {
        return of(List.of(demand)).get(demand.id);
    }

    /** The challenges of these demands as they stand, by demand id (absent when a demand has none). */
    public Map<UUID, ChallengeView> of(Collection<Demand> demands) {
        List<UUID> withChallenge = demands.stream().filter(Demand::hasChallenge).map(d -> d.id).toList();
        Map<UUID, Long> counts = applications.liveCounts(withChallenge);
        Map<UUID, ChallengeView> views = new HashMap<>();
        for (Demand demand : demands) {
            if (demand.hasChallenge()) {
                views.put(demand.id, ChallengeView.of(demand, phase(demand), counts.getOrDefault(demand.id, 0L)));
            }
        }
        return views;
    }
}
