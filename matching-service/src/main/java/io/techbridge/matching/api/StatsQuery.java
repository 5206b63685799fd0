package io.techbridge.matching.api;

import io.techbridge.commons.api.QueryParameters;
import io.techbridge.commons.domain.PlatformCalendar;
import io.techbridge.commons.problem.Problems;

import java.time.YearMonth;
import java.util.regex.Pattern;

/**
 * The period, region and field of the operators' statistics, read the same way for the JSON figures
 * and the spreadsheet report, so both show the same figures for the same query.
 *
 * @param region a six-digit code; a province (330000) or city (330100) takes in what lies below it
 */
public record StatsQuery(YearMonth from, YearMonth to, String region, String field) {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])");
    private static final Pattern REGION_PREFIX = Pattern.compile("\\d{2}|\\d{4}");

    /** 400 naming the parameter for a malformed month, region or field, or a period that ends before it starts. */
    public static StatsQuery parse(String from, String to, String region, String field) {
        YearMonth first = month("from", from);
        YearMonth given = month("to", to);
        YearMonth last = given != null ? given : YearMonth.now(PlatformCalendar.ZONE);
        if (first == null) {
            first = last.minusMonths(11);
        }
        if (first.isAfter(last)) {
            throw given != null
                    ? Problems.invalidQuery("to", "Range", "must not be before from (" + first + ")")
                    : Problems.invalidQuery("from", "Range", "must not be after this month (" + last + ")");
        }
        return new StatsQuery(first, last, QueryParameters.regionCode("region", regionCode(region)),
                QueryParameters.fieldCode("field", field));
    }

    /** A province prefix (33) or city prefix (3301) stands for its six-digit code (330000, 330100). */
    private static String regionCode(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return REGION_PREFIX.matcher(text).matches() ? (text + "0000").substring(0, 6) : text;
    }

    private static YearMonth month(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        if (!MONTH.matcher(text).matches()) {
            throw Problems.invalidQuery(name, "Pattern", "must be a month as YYYY-MM, such as 2026-01");
        }
        return YearMonth.parse(text);
    }
}
