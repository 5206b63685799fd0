package io.techbridge.matching.matching;

/** One factor of a pair's score: its value in [0, 1], its weight, what it adds, and why, in words. */
public record Factor(String name, double value, double weight, double contribution, String reason) {

    public static final String SEMANTIC = "semantic";
    public static final String LEXICAL = "lexical";
    public static final String FIELD = "field";
    public static final String MATURITY = "maturity";
    public static final String MODES = "modes";
    public static final String BUDGET = "budget";
    public static final String REGION = "region";
    public static final String FRESHNESS = "freshness";
}
