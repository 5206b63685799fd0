package io.techbridge.matching.matching;

/**
 * One factor of a pair's score: its value in [0, 1], its weight in the approval model (log-odds per
 * unit of value), its share of the score, and why it has that value, as a {@link Reason}.
 */
public record Factor(String name, double value, double weight, double contribution, Reason reason) {

    public static final String SEMANTIC = "semantic";
    public static final String LEXICAL = "lexical";
    public static final String FIELD = "field";
    public static final String MATURITY = "maturity";
    public static final String MODES = "modes";
    public static final String BUDGET = "budget";
    public static final String REGION = "region";
    public static final String FRESHNESS = "freshness";
    /** Not a learned factor: how the pair stands among the demand's candidates. */
    public static final String STANDING = "standing";
}
