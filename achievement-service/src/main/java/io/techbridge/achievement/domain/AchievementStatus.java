package io.techbridge.achievement.domain;

import java.util.Map;
import java.util.Set;

/**
 * DRAFT → PUBLISHED → WITHDRAWN / TRANSFERRED; a draft can also be withdrawn. A published
 * achievement nobody touched for a while becomes STALE; its owner confirms it (→ PUBLISHED) or
 * withdraws it, and it can still be marked transferred.
 */
public enum AchievementStatus {
    DRAFT, PUBLISHED, STALE, WITHDRAWN, TRANSFERRED;

    private static final Map<AchievementStatus, Set<AchievementStatus>> NEXT = Map.of(
            DRAFT, Set.of(PUBLISHED, WITHDRAWN),
            PUBLISHED, Set.of(STALE, WITHDRAWN, TRANSFERRED),
            STALE, Set.of(PUBLISHED, WITHDRAWN, TRANSFERRED),
            WITHDRAWN, Set.of(),
            TRANSFERRED, Set.of());

    public boolean canBecome(AchievementStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Withdrawn and transferred achievements are history: they can no longer be edited. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }

    /** Drafts and stale achievements are shown only to their own organisation, brokers and admins. */
    public boolean isHidden() {
        return this == DRAFT || this == STALE;
    }
}
