package io.techbridge.matching.matching;

import io.techbridge.commons.domain.TechnicalField;
import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.DemandDocument;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structured fit of a pair, each factor in [0, 1] with its reason as a code. None is a
 * hard cut: an achievement a little short of the wanted maturity still ranks, just lower.
 */
public final class FitFactors {

    /** Top-level fields whose results often serve each other (materials for energy storage, and so on). */
    private static final Map<String, Set<String>> RELATED = Map.of(
            "01", Set.of("08", "05"),
            "02", Set.of("04", "09"),
            "03", Set.of("04", "08"),
            "04", Set.of("02", "03", "06", "08"),
            "05", Set.of("01"),
            "06", Set.of("04", "07", "08"),
            "07", Set.of("06", "09"),
            "08", Set.of("01", "03", "04", "06"),
            "09", Set.of("02", "07"));

    private FitFactors() {
    }

    public record Value(double value, Reason reason) {
    }

    public static Value field(DemandDocument demand, AchievementDocument achievement) {
        String wanted = demand.fieldCode();
        String offered = achievement.fieldCode();
        if (wanted == null || offered == null) {
            return new Value(0.5, Reason.of("FIELD_UNKNOWN"));
        }
        if (wanted.equals(offered)) {
            return new Value(1.0, Reason.of("FIELD_SAME", "field", offered));
        }
        String wantedTop = TechnicalField.topLevel(wanted);
        String offeredTop = TechnicalField.topLevel(offered);
        if (wantedTop.equals(offeredTop)) {
            return new Value(0.8, Reason.of("FIELD_SAME_GROUP", "offered", offered, "wanted", wanted));
        }
        if (RELATED.getOrDefault(wantedTop, Set.of()).contains(offeredTop)) {
            return new Value(0.45, Reason.of("FIELD_RELATED", "offered", offeredTop, "wanted", wantedTop));
        }
        return new Value(0.0, Reason.of("FIELD_OTHER", "offered", offeredTop, "wanted", wantedTop));
    }

    public static Value maturity(DemandDocument demand, AchievementDocument achievement) {
        Integer trl = achievement.trl();
        Integer wanted = demand.minTrl();
        if (trl == null) {
            return new Value(0.5, Reason.of("TRL_UNKNOWN"));
        }
        if (wanted == null) {
            return new Value(0.8, Reason.of("TRL_NO_MINIMUM", "have", trl));
        }
        if (trl >= wanted) {
            return new Value(1.0, Reason.of("TRL_MEETS", "have", trl, "wanted", wanted));
        }
        int gap = wanted - trl;
        return new Value(Math.max(0.0, 1.0 - 0.25 * gap), Reason.of("TRL_BELOW", "have", trl, "wanted", wanted, "gap", gap));
    }

    public static Value modes(DemandDocument demand, AchievementDocument achievement) {
        List<String> wanted = demand.cooperationModes();
        List<String> offered = achievement.transferModes();
        if (wanted == null || wanted.isEmpty() || offered == null || offered.isEmpty()) {
            return new Value(0.6, Reason.of("MODES_NOT_STATED"));
        }
        Set<String> common = new HashSet<>(wanted);
        common.retainAll(offered);
        return common.isEmpty()
                ? new Value(0.2, Reason.of("MODES_NONE_COMMON", "offered", List.copyOf(offered), "wanted", List.copyOf(wanted)))
                : new Value(1.0, Reason.of("MODES_COMMON", "modes", common.stream().sorted().toList()));
    }

    public static Value budget(DemandDocument demand, AchievementDocument achievement) {
        Long budgetMax = demand.budgetMaxCny() != null ? demand.budgetMaxCny() : demand.budgetMinCny();
        Long priceMin = achievement.priceMinCny() != null ? achievement.priceMinCny() : achievement.priceMaxCny();
        if (budgetMax == null || priceMin == null) {
            boolean negotiable = demand.budgetNegotiable() || achievement.priceNegotiable();
            return new Value(negotiable ? 0.7 : 0.6, Reason.of(negotiable ? "PRICE_NEGOTIABLE" : "PRICE_NOT_STATED"));
        }
        if (priceMin <= budgetMax) {
            return new Value(1.0, Reason.of("PRICE_WITHIN_BUDGET", "priceMin", priceMin, "budgetMax", budgetMax));
        }
        double ratio = (double) budgetMax / priceMin;
        double value = achievement.priceNegotiable() || demand.budgetNegotiable() ? Math.max(ratio, 0.5) : ratio;
        return new Value(value, Reason.of("PRICE_ABOVE_BUDGET", "priceMin", priceMin, "budgetMax", budgetMax));
    }

    public static Value region(DemandDocument demand, AchievementDocument achievement) {
        String wanted = demand.regionCode();
        String offered = achievement.regionCode();
        if (wanted == null || offered == null) {
            return new Value(0.5, Reason.of("REGION_UNKNOWN"));
        }
        if (wanted.substring(0, 4).equals(offered.substring(0, 4))) {
            return new Value(1.0, Reason.of("REGION_SAME_CITY", "region", offered.substring(0, 4) + "00"));
        }
        if (wanted.substring(0, 2).equals(offered.substring(0, 2))) {
            return new Value(0.7, Reason.of("REGION_SAME_PROVINCE", "region", offered.substring(0, 2) + "0000"));
        }
        return new Value(0.4, Reason.of("REGION_OTHER_PROVINCE", "offered", offered, "wanted", wanted));
    }

    public static Value freshness(AchievementDocument achievement, Instant now) {
        Instant changed = achievement.updatedAt() != null ? achievement.updatedAt() : achievement.createdAt();
        if (changed == null) {
            return new Value(0.7, Reason.of("AGE_UNKNOWN"));
        }
        double years = Duration.between(changed, now).toDays() / 365.0;
        if (years <= 1) {
            return new Value(1.0, Reason.of("UPDATED_WITHIN_YEAR"));
        }
        return new Value(Math.max(0.4, 1.0 - 0.15 * (years - 1)), Reason.of("UPDATED_YEARS_AGO", "years", Math.round(years * 10) / 10.0));
    }
}
