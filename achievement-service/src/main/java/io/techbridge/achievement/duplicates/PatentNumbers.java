package io.techbridge.achievement.duplicates;

import java.text.Normalizer;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One key per patent, however it was written. Chinese application numbers appear as
 * {@code ZL202110345678.2}, {@code CN202110345678.2}, {@code zl 2021 1034 5678.2} or without the
 * check digit; publication numbers as {@code CN112345678A} or {@code CN112345678B} (application
 * and grant publication of the same patent). The key drops case, spaces, dots, the ZL/CN prefix,
 * the check digit after the dot and the kind code, so all of these agree.
 */
public final class PatentNumbers {

    private PatentNumbers() {
    }

    public static Set<String> keys(List<String> patentNumbers) {
        Set<String> keys = new LinkedHashSet<>();
        if (patentNumbers != null) {
            for (String number : patentNumbers) {
                String key = key(number);
                if (!key.isEmpty()) {
                    keys.add(key);
                }
            }
        }
        return keys;
    }

    public static String key(String number) {
        if (number == null) {
            return "";
        }
        String s = Normalizer.normalize(number, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT)
                .replaceAll("[\\s\\-]", "").replace('·', '.').replace('。', '.');
        if (s.startsWith("ZL") || s.startsWith("CN")) {
            s = s.substring(2);
        }
        int dot = s.indexOf('.');
        if (dot >= 0) {
            // The check digit (or X) after the dot is derived from the number itself.
            s = s.substring(0, dot);
        } else {
            // A publication's kind code (A, B, U, S, with an optional digit) names a stage, not another patent.
            s = s.replaceFirst("[A-Z]\\d?$", "");
            if (s.matches("\\d{13}")) {
                // An application number written without its dot: the thirteenth digit is the check digit.
                s = s.substring(0, 12);
            }
        }
        return s.replaceAll("[^0-9A-Z]", "");
    }
}
