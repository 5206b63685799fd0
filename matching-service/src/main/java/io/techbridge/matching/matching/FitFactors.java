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
 * The structured fit of a pair, each factor in [0, 1] with a reason a broker can read. None is a
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

    public record Value(double value, String reason) {
    }

    public static Value field(DemandDocument demand, AchievementDocument achievement) {
        String wanted = demand.fieldCode();
        String offered = achievement.fieldCode();
        if (wanted == null || offered == null) {
            return new Value(0.5, "field unknown");
        }
        if (wanted.equals(offered)) {
            return new Value(1.0, "same field " + label(offered));
        }
        String wantedTop = TechnicalField.topLevel(wanted);
        String offeredTop = TechnicalField.topLevel(offered);
        if (wantedTop.equals(offeredTop)) {
            return new Value(0.8, "same field " + label(offeredTop) + " (" + label(offered) + " for " + label(wanted) + ")");
        }
        if (RELATED.getOrDefault(wantedTop, Set.of()).contains(offeredTop)) {
            return new Value(0.45, "related fields: " + label(offeredTop) + " for " + label(wantedTop));
        }
        return new Value(0.0, "other field: " + label(offeredTop) + " for " + label(wantedTop));
    }

    public static Value maturity(DemandDocument demand, AchievementDocument achievement) {
        Integer trl = achievement.trl();
        Integer wanted = demand.minTrl();
        if (trl == null) {
            return new Value(0.5, "maturity unknown");
        }
        if (wanted == null) {
            return new Value(0.8, "TRL " + trl + ", no minimum maturity asked");
        }
        if (trl >= wanted) {
            return new Value(1.0, "TRL " + trl + " meets the wanted " + wanted);
        }
        int gap = wanted - trl;
        return new Value(Math.max(0.0, 1.0 - 0.25 * gap), "TRL " + trl + " is " + gap + " below the wanted " + wanted);
    }

    public static Value modes(DemandDocument demand, AchievementDocument achievement) {
        List<String> wanted = demand.cooperationModes();
        List<String> offered = achievement.transferModes();
        if (wanted == null || wanted.isEmpty() || offered == null || offered.isEmpty()) {
            return new Value(0.6, "cooperation modes not stated");
        }
        Set<String> common = new HashSet<>(wanted);
        common.retainAll(offered);
        return common.isEmpty()
                ? new Value(0.2, "no common mode: offered " + offered + ", wanted " + wanted)
                : new Value(1.0, "common modes " + common.stream().sorted().toList());
    }

    public static Value budget(DemandDocument demand, AchievementDocument achievement) {
        Long budgetMax = demand.budgetMaxCny() != null ? demand.budgetMaxCny() : demand.budgetMinCny();
        Long priceMin = achievement.priceMinCny() != null ? achievement.priceMinCny() : achievement.priceMaxCny();
        if (budgetMax == null || priceMin == null) {
            boolean negotiable = demand.budgetNegotiable() || achievement.priceNegotiable();
            return new Value(negotiable ? 0.7 : 0.6, negotiable ? "price or budget negotiable" : "price or budget not stated");
        }
        if (priceMin <= budgetMax) {
            return new Value(1.0, "asking price from " + yuan(priceMin) + " within the budget up to " + yuan(budgetMax));
        }
        double ratio = (double) budgetMax / priceMin;
        double value = achievement.priceNegotiable() || demand.budgetNegotiable() ? Math.max(ratio, 0.5) : ratio;
        return new Value(value, "asking price from " + yuan(priceMin) + " above the budget of " + yuan(budgetMax));
    }

    public static Value region(DemandDocument demand, AchievementDocument achievement) {
        String wanted = demand.regionCode();
        String offered = achievement.regionCode();
        if (wanted == null || offered == null) {
            return new Value(0.5, "region unknown");
        }
        if (wanted.substring(0, 4).equals(offered.substring(0, 4))) {
            return new Value(1.0, "same city " + offered);
        }
        if (wanted.substring(0, 2).equals(offered.substring(0, 2))) {
            return new Value(0.7, "same province " + offered.substring(0, 2) + "0000");
        }
        return new Value(0.4, "other province: " + offered + " for " + wanted);
    }

    public static Value freshness(AchievementDocument achievement, Instant now) {
        Instant changed = achievement.updatedAt() != null ? achievement.updatedAt() : achievement.createdAt();
        if (changed == null) {
            return new Value(0.7, "age unknown");
        }
        double years = Duration.between(changed, now).toDays() / 365.0;
        if (years <= 1) {
            return new Value(1.0, "updated within a year");
        }
        return new Value(Math.max(0.4, 1.0 - 0.15 * (years - 1)), String.format("last updated %.1f years ago", years));
    }

    private static String label(String code) {
        return TechnicalField.byCode(code).map(f -> f.code() + " " + f.nameZh()).orElse(code);
    }

    private static String yuan(long amount) {
        return amount >= 10_000 ? String.format("%.0f万元", amount / 10_000.0) : amount + "元";
    }
}
