package io.techbridge.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An amount in yuan: a price or a budget. Either end may be null; {@code negotiable} says it is open to talk. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AmountRange(Long minCny, Long maxCny, boolean negotiable) {

    public static AmountRange negotiableOnly() {
        return new AmountRange(null, null, true);
    }
}
