package io.techbridge.achievement.api;

import io.techbridge.achievement.persistence.Achievement;

import java.util.Set;
import java.util.UUID;

/**
 * The one place where an achievement becomes what a caller may see of it. Drafts and stale
 * achievements are for the owner organisation, brokers and admins; the contact for those and for organisations it was
 * disclosed to (an accepted introduction); everyone else gets the record without it.
 */
public final class AchievementViews {

    private AchievementViews() {
    }

    /**
     * What one caller may see: its organisation (null when anonymous), whether it sees everything
     * (broker, admin), and which of the achievements at hand were disclosed to its organisation.
     */
    public record Rights(String organisationId, boolean seesEverything, Set<UUID> disclosed) {

        /** The view of whoever changed the record: the owner, so everything. */
        public static final Rights OWNER = new Rights(null, true, Set.of());

        public boolean owns(Achievement a) {
            return organisationId != null && organisationId.equals(a.organisationId);
        }

        public boolean maySee(Achievement a) {
            return !a.status.isHidden() || seesEverything || owns(a);
        }

        public boolean seesContact(Achievement a) {
            return seesEverything || owns(a) || disclosed.contains(a.id);
        }
    }

    /** The caller's view; the caller must have checked {@link Rights#maySee} first. */
    public static AchievementResponse of(Achievement achievement, Rights rights) {
        AchievementResponse full = AchievementResponse.of(achievement);
        return rights.seesContact(achievement) ? full : full.withoutContact();
    }
}
