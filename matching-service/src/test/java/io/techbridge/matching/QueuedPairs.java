package io.techbridge.matching;

import io.techbridge.matching.domain.MatchStatus;
import io.techbridge.matching.persistence.MatchPair;
import io.techbridge.matching.persistence.MatchPairRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * Proposed pairs of a given score written straight to the service's database, for tests of the
 * queue's order and paging: the matcher decides scores itself, and re-proposing would move them.
 */
@ApplicationScoped
public class QueuedPairs {

    private final MatchPairRepository pairs;

    public QueuedPairs(MatchPairRepository pairs) {
        this.pairs = pairs;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String proposed(String demandId, double score) {
        MatchPair pair = new MatchPair();
        pair.id = UUID.randomUUID();
        pair.demandId = demandId;
        pair.achievementId = UUID.randomUUID().toString();
        pair.demandOrganisationId = "org-test-enterprise";
        pair.achievementOrganisationId = "org-test-university";
        pair.fieldCode = "01.08";
        pair.regionCode = "330100";
        pair.score = score;
        pair.explanation = "{}";
        pair.status = MatchStatus.PROPOSED;
        pair.version = 1;
        pair.createdAt = Instant.now();
        pair.updatedAt = pair.createdAt;
        pairs.persist(pair);
        return pair.id.toString();
    }

    /** Leaves the queue as the other tests expect it. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void removeAll(String demandId) {
        pairs.delete("demandId", demandId);
    }
}
