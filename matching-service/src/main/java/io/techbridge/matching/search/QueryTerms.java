package io.techbridge.matching.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words and phrases of a search query. A query is cut at white space and punctuation; a part in
 * double quotes ({@code "heat pump"}, {@code “余热回收”}) stays one phrase. Stop and generic words
 * (the, of, 技术, 方法 … of {@code /search/generic-terms.txt}), bare numbers and lone Chinese
 * characters are left out when the query has other terms; a query of nothing else keeps them. Each
 * term carries its translations from the bilingual term list ({@code /search/bilingual-terms.tsv}),
 * so 石墨烯 also looks for graphene and graphene for 石墨烯.
 */
public final class QueryTerms {

    /**
     * One term of a query.
     *
     * @param text         as typed (quotes removed)
     * @param cjk          whether it contains Chinese characters: then it is matched through the bigram
     *                     analysis, else through the English analysis
     * @param content      whether it is a content word (not a stop or generic word, nor a lone character)
     * @param quoted       whether it was typed in quotes: then it is only ever matched as written
     * @param translations the same term in the other language, from the bilingual term list
     */
    public record Term(String text, boolean cjk, boolean content, boolean quoted, List<String> translations) {

        /** A single Chinese character: it matches only a keyword that is exactly that character. */
        public boolean loneCharacter() {
            return cjk && length() == 1;
        }

        /** Characters (code points), for Chinese the number of characters of the term. */
        public int length() {
            return text.codePointCount(0, text.length());
        }
    }

    private static final Pattern QUOTED = Pattern.compile("[\"“”]([^\"“”]+)[\"“”]");
    /** What separates terms: white space and punctuation, but not the - . + # _ % ' inside words and codes. */
    private static final Pattern SEPARATORS = Pattern.compile(
            "[\\s\\p{Z},;:!?()\\[\\]{}<>|/\\\\，。、；：！？（）【】《》〈〉「」『』…～~]+");
    private static final Map<String, List<String>> TRANSLATIONS = loadTranslations("/search/bilingual-terms.tsv");

    private QueryTerms() {
    }

    /** The terms to search for, in the order typed, each once. */
    public static List<Term> of(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        Map<String, Term> terms = new LinkedHashMap<>();
        Matcher quoted = QUOTED.matcher(query);
        StringBuilder rest = new StringBuilder();
        int last = 0;
        while (quoted.find()) {
            rest.append(query, last, quoted.start()).append(' ');
            String phrase = quoted.group(1).strip().replaceAll("\\s+", " ");
            if (!phrase.isEmpty()) {
                terms.putIfAbsent(phrase.toLowerCase(Locale.ROOT), term(phrase, true));
            }
            last = quoted.end();
        }
        rest.append(query.substring(last));
        for (String word : SEPARATORS.split(rest.toString().replace('"', ' '))) {
            if (!word.isBlank()) {
                terms.putIfAbsent(word.strip().toLowerCase(Locale.ROOT), term(word.strip(), false));
            }
        }
        List<Term> content = terms.values().stream().filter(Term::content).toList();
        return content.isEmpty() ? List.copyOf(terms.values()) : content;
    }

    private static Term term(String text, boolean quoted) {
        boolean cjk = hasCjk(text);
        boolean lone = cjk && text.codePointCount(0, text.length()) == 1;
        return new Term(text, cjk, !lone && isContent(text), quoted, lone ? List.of() : translations(text));
    }

    /**
     * How many of the terms a record must match: all of one or two, three quarters (rounded up) of
     * more, so a long query still finds records that lack one of its words.
     */
    public static int required(int terms) {
        return terms <= 2 ? terms : (int) Math.ceil(terms * 0.75);
    }

    static boolean hasCjk(String text) {
        return text.codePoints().anyMatch(Character::isIdeographic);
    }

    /**
     * Left out of a query with other terms: a stop or generic word, or a bare number. A code or measure
     * with letters and digits (5G, 28nm, PM2.5) counts; so does any word that is not listed as generic.
     */
    private static boolean isContent(String term) {
        if (term.indexOf(' ') >= 0 || ContentTerms.isContent(term)) {
            return true;
        }
        return term.codePoints().anyMatch(Character::isLetter) && !ContentTerms.isGeneric(term);
    }

    private static List<String> translations(String term) {
        return TRANSLATIONS.getOrDefault(term.toLowerCase(Locale.ROOT), List.of());
    }

    /** Lines {@code 中文 TAB english}, either side with alternatives separated by {@code |}; read both ways. */
    private static Map<String, List<String>> loadTranslations(String resource) {
        try (InputStream in = QueryTerms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Map<String, Set<String>> both = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String stripped = line.strip();
                if (stripped.isEmpty() || stripped.startsWith("#")) {
                    continue;
                }
                String[] sides = stripped.split("\t+");
                if (sides.length != 2) {
                    throw new IllegalStateException("bad line in " + resource + ": " + line);
                }
                List<String> chinese = alternatives(sides[0]);
                List<String> english = alternatives(sides[1]);
                for (String zh : chinese) {
                    both.computeIfAbsent(zh, k -> new LinkedHashSet<>()).addAll(english);
                }
                for (String en : english) {
                    both.computeIfAbsent(en.toLowerCase(Locale.ROOT), k -> new LinkedHashSet<>()).addAll(chinese);
                }
            }
            Map<String, List<String>> frozen = new HashMap<>();
            both.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
            return Map.copyOf(frozen);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> alternatives(String side) {
        List<String> list = new ArrayList<>();
        for (String alternative : side.split("\\|")) {
            if (!alternative.isBlank()) {
                list.add(alternative.strip());
            }
        }
        return list;
    }
}
