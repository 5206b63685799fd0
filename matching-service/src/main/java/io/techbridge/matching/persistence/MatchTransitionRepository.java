package io.techbridge.matching.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class MatchTransitionRepository implements PanacheRepository<MatchTransition> {

    public List<MatchTransition> history(UUID matchId) {
        return list("matchId = ?1 order by id", matchId);
    }
}
