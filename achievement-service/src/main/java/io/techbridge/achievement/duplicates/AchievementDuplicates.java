package io.techbridge.achievement.duplicates;

import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.achievement.persistence.AchievementRepository;
import io.techbridge.achievement.security.AchievementAccess;
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
 * Finds the registered achievements a new one may duplicate, of any organisation (same patent,
 * similar title or text). A candidate is shown in full to whom may read it: a draft or stale
 * achievement of another organisation is anonymised.
 */
@ApplicationScoped
public class AchievementDuplicates extends DuplicateCheck<Achievement> {

    private final AchievementAccess access;

    public AchievementDuplicates(AchievementIndex index, DuplicateConfig config, Listing listing,
            AchievementRepository repository, AchievementAccess access) {
        super(index, repository, config, listing);
        this.access = access;
    }

    @Override
    protected boolean closed(Achievement achievement) {
        return achievement.status == AchievementStatus.WITHDRAWN;
    }

    @Override
    protected Predicate<Achievement> readableByCaller(List<Achievement> achievements) {
        return access.rightsOver(achievements)::maySee;
    }

    @Override
    protected Predicate<Achievement> readableBy(String organisationId, boolean seesEverything,
            Collection<Achievement> achievements) {
        return access.rightsOf(organisationId, seesEverything, achievements)::maySee;
    }

    @Override
    protected DuplicateCandidate shown(Achievement achievement, DuplicateRules.Verdict verdict) {
        return DuplicateCandidate.of(achievement.id, achievement.title, achievement.organisationId,
                achievement.status.name(), verdict);
    }
}
