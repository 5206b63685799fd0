package io.techbridge.demand.persistence;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.techbridge.demand.domain.ApplicationStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ChallengeApplicationRepository implements PanacheRepositoryBase<ChallengeApplication, UUID> {

    /** Locks the row so that concurrent changes are applied one after the other, each with its own version. */
    public Optional<ChallengeApplication> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    public List<ChallengeApplication> ofDemand(UUID demandId) {
        return list("demandId", Sort.ascending("submittedAt").and("id"), demandId);
    }

    /** The live (not withdrawn) applications of a challenge, locked, for the award. */
    public List<ChallengeApplication> lockLiveOfDemand(UUID demandId) {
        return find("demandId = :demand and status <> :withdrawn", Sort.ascending("submittedAt").and("id"),
                Parameters.with("demand", demandId).and("withdrawn", ApplicationStatus.WITHDRAWN))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    public List<ChallengeApplication> ofOrganisation(UUID demandId, String organisationId) {
        return list("demandId = ?1 and organisationId = ?2", Sort.ascending("submittedAt").and("id"),
                demandId, organisationId);
    }

    public boolean hasLive(UUID demandId, String organisationId) {
        return count("demandId = ?1 and organisationId = ?2 and status <> ?3",
                demandId, organisationId, ApplicationStatus.WITHDRAWN) > 0;
    }

    public boolean anyOf(UUID demandId) {
        return count("demandId", demandId) > 0;
    }

    /** An organisation's applications across challenges, newest first. */
    public List<ChallengeApplication> ofOrganisation(String organisationId) {
        return list("organisationId", Sort.descending("submittedAt").and("id"), organisationId);
    }

    /** How many live applications each of these challenges has (absent: none). */
    public Map<UUID, Long> liveCounts(Collection<UUID> demandIds) {
        Map<UUID, Long> counts = new HashMap<>();
        if (demandIds.isEmpty()) {
            return counts;
        }
        List<Object[]> rows = getEntityManager().createQuery(
                        "select a.demandId, count(a) from ChallengeApplication a "
                                + "where a.demandId in :ids and a.status <> :withdrawn group by a.demandId", Object[].class)
                .setParameter("ids", demandIds)
                .setParameter("withdrawn", ApplicationStatus.WITHDRAWN)
                .getResultList();
        for (Object[] row : rows) {
            counts.put((UUID) row[0], (Long) row[1]);
        }
        return counts;
    }
}
