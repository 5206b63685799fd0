package io.techbridge.achievement.security;

import io.techbridge.achievement.api.AchievementViews;
import io.techbridge.achievement.persistence.Achievement;
import io.techbridge.achievement.persistence.AchievementRepository;
import io.techbridge.listing.disclosure.DisclosureRepository;
import io.techbridge.commons.problem.Problems;
import io.techbridge.commons.security.Caller;
import io.techbridge.commons.security.Role;
import jakarta.enterprise.context.RequestScoped;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The authorisation rules of achievements for the current caller: universities register
 * achievements for their own organisation and only they change them; what a caller may read is
 * decided by {@link AchievementViews.Rights}.
 */
@RequestScoped
public class AchievementAccess {

    private static final String WHAT = "achievement";

    private final Caller caller;
    private final DisclosureRepository disclosures;

    public AchievementAccess(Caller caller, DisclosureRepository disclosures) {
        this.caller = caller;
        this.disclosures = disclosures;
    }

    /** The organisation a new achievement belongs to: the caller's; a body naming another is refused. */
    public String requireCreator(String bodyOrganisationId) {
        caller.requireRole(Role.UNIVERSITY);
        String organisation = caller.requireOrganisation();
        if (bodyOrganisationId != null && !bodyOrganisationId.equals(organisation)) {
            throw Problems.forbidden("organisationId: you may register achievements only for your own organisation ("
                    + organisation + ")");
        }
        return organisation;
    }

    /** Checked before the record is looked up, so the answer says nothing about whether it exists. */
    public void requireEditorRole() {
        caller.requireRole(Role.UNIVERSITY);
    }

    /** Merging duplicates is the brokers' work: 401 without a token, 403 for every other role. */
    public void requireMerger() {
        caller.requireRole(Role.BROKER);
    }

    /** 404 for a record the caller may not see, 403 for one of another organisation. */
    public void requireEditorOf(Achievement achievement) {
        if (!rightsOver(List.of(achievement)).maySee(achievement)) {
            throw Problems.notFound(WHAT, achievement.id);
        }
        if (!caller.actsFor(achievement.organisationId)) {
            throw Problems.forbidden("only the owning organisation may change " + WHAT + " " + achievement.id);
        }
    }

    /** The caller's rights over these achievements, with one look-up of what was disclosed to it. */
    public AchievementViews.Rights rightsOver(Collection<Achievement> achievements) {
        return rightsOf(caller.organisationId().orElse(null), caller.seesEverything(), achievements);
    }

    /** The rights of a user who is not the caller (the uploader of an import), over these achievements. */
    public AchievementViews.Rights rightsOf(String organisation, boolean seesEverything,
            Collection<Achievement> achievements) {
        Set<UUID> disclosed = Set.of();
        if (!seesEverything && organisation != null) {
            List<UUID> others = achievements.stream().filter(a -> !organisation.equals(a.organisationId))
                    .map(a -> a.id).toList();
            disclosed = disclosures.disclosedAmong(others, organisation);
        }
        return new AchievementViews.Rights(organisation, seesEverything, disclosed);
    }

    /** Who reads a listing, so that it leaves out the drafts of others. */
    public AchievementRepository.Viewer viewer() {
        return new AchievementRepository.Viewer(caller.organisationId().orElse(null), caller.seesEverything());
    }
}
