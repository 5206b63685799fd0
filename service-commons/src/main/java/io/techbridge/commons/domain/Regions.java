package io.techbridge.commons.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Names of GB/T 2260 administrative divisions, for showing a region code to people.
 *
 * <p>The table ({@code regions/gb2260.tsv}) holds the 34 province-level divisions and the
 * prefecture-level divisions of each province. A county code that is not in it is named after its
 * prefecture-level city, else after its province; a district of a municipality (110105) therefore
 * reads 北京市.
 */
public final class Regions {
    private static final String RESOURCE = "/regions/gb2260.tsv";
    private static final Map<String, String> NAMES = load();

    private Regions() {
    }

    /**
     * The name of a six-digit region code: the division itself if listed, else its prefecture-level
     * city (xxxx00), else its province (xx0000); empty for anything else.
     */
    public static Optional<String> name(String code) {
        if (code == null || code.length() != 6 || !code.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        String name = NAMES.get(code);
        if (name == null) {
            name = NAMES.get(code.substring(0, 4) + "00");
        }
        if (name == null) {
            name = NAMES.get(code.substring(0, 2) + "0000");
        }
        return Optional.ofNullable(name);
    }

    /** The name of a region code, or the code itself when it has none. */
    public static String nameOrCode(String code) {
        return name(code).orElse(code);
    }

    /** Every listed division, provinces and prefecture-level cities, code → name, sorted by code. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private static Map<String, String> load() {
        Map<String, String> names = new TreeMap<>();
        try (InputStream in = Regions.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.indexOf('\t');
                if (tab != 6) {
                    throw new IllegalStateException("bad line in " + RESOURCE + ": " + line);
                }
                names.put(line.substring(0, 6), line.substring(tab + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(names);
    }
}
