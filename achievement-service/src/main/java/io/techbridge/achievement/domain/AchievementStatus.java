package io.techbridge.achievement.domain;

import java.util.Map;
import java.util.Set;

/** DRAFT → PUBLISHED → WITHDRAWN / TRANSFERRED; a draft can also be withdrawn. */
public enum AchievementStatus {
    DRAFT, PUBLISHED, WITHDRAWN, TRANSFERRED;

    private static final Map<AchievementStatus, Set<AchievementStatus>> NEXT = Map.of(
            DRAFT, Set.of(PUBLISHED, WITHDRAWN),
            PUBLISHED, Set.of(WITHDRAWN, TRANSFERRED),
            WITHDRAWN, Set.of(),
            TRANSFERRED, Set.of());

    public boolean canBecome(AchievementStatus next) {
        return NEXT.get(this).contains(next);
    }

    /** Withdrawn and transferred achievements are history: they can no longer be edited. */
    public boolean isFinal() {
        return NEXT.get(this).isEmpty();
    }
}
