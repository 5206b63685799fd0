package io.techbridge.commons.persistence;

/** Building blocks of the listing filters every service offers. */
public final class Filters {

    private Filters() {
    }

    /**
     * The LIKE prefix of a region code: a province (330000) or city (330100) code also finds what
     * lies below it, a district code only itself.
     */
    public static String regionPrefix(String regionCode) {
        if (regionCode.endsWith("0000")) {
            return regionCode.substring(0, 2);
        }
        if (regionCode.endsWith("00")) {
            return regionCode.substring(0, 4);
        }
        return regionCode;
    }

    /** A case-insensitive "contains" pattern for LIKE with {@code escape '\'}: the user's % and _ match themselves. */
    public static String containing(String text) {
        return "%" + text.toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
