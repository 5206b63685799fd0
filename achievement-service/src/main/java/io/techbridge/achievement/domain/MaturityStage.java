package io.techbridge.achievement.domain;

/**
 * The official stage (成果所处阶段) shown beside the TRL: laboratory (初期, TRL 1–4), pilot
 * (中期, TRL 5–6) or industrialised (成熟, TRL 7–9).
 */
public enum MaturityStage {
    EARLY("初期"), PILOT("中期"), MATURE("成熟");

    private final String label;

    MaturityStage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static MaturityStage ofTrl(int trl) {
        return trl <= 4 ? EARLY : trl <= 6 ? PILOT : MATURE;
    }
}
