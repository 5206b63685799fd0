package io.techbridge.matching.search;

import io.techbridge.commons.api.PageRequest;

import java.time.Instant;

/**
 * A full-text search over achievements and demands, already validated.
 *
 * @param text            the words searched for; null lists everything, newest first
 * @param type            only one side, or null for both
 * @param fieldCode       a top-level field ({@code 04}, matching its sub-fields too) or a sub-field ({@code 04.03})
 * @param regionCode      a province ({@code 330000}), city ({@code 330100}) or county ({@code 330106}) code
 * @param minTrl          lowest maturity of achievements (demands are not filtered by it)
 * @param includeInactive also records outside the matching pool (withdrawn, drafts, expired or closed demands)
 * @param paging          a page by number, or after the cursor of the previous page's last hit (its sort values)
 * @param confidential    the BROKERS_ONLY demands the caller may find by their words; the others are
 *                        matched by no word (their text is hidden from the caller) but still listed
 * @param changedSince    only records changed (published, edited) at or after this time; null: any time
 */
public record SearchQuery(String text, RecordType type, String fieldCode, String regionCode, Integer minTrl,
        boolean includeInactive, PageRequest paging, ConfidentialScope confidential, Instant changedSince) {

    public SearchQuery(String text, RecordType type, String fieldCode, String regionCode, Integer minTrl,
            boolean includeInactive, PageRequest paging, ConfidentialScope confidential) {
        this(text, type, fieldCode, regionCode, minTrl, includeInactive, paging, confidential, null);
    }

    /** The two sides of the market, as the API names them. */
    public enum RecordType {
        ACHIEVEMENT("achievement", IndexAdmin.ACHIEVEMENTS),
        DEMAND("demand", IndexAdmin.DEMANDS);

        private final String key;
        private final String alias;

        RecordType(String key, String alias) {
            this.key = key;
            this.alias = alias;
        }

        public String key() {
            return key;
        }

        public String alias() {
            return alias;
        }

        /** The side an index behind one of the aliases holds ({@code achievements-20260101-…} → achievement). */
        public static RecordType ofIndex(String index) {
            return index != null && index.startsWith(ACHIEVEMENT.alias) ? ACHIEVEMENT : DEMAND;
        }

        public static RecordType ofKey(String key) {
            for (RecordType type : values()) {
                if (type.key.equals(key)) {
                    return type;
                }
            }
            return null;
        }
    }
}
