package io.techbridge.matching.search;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The content words of a listing: what a person would underline. Chinese text is cut into words
 * by smartcn (the analyser of the index's smartcn plugin), English into Porter stems; stop words,
 * function words, generic words ({@code /search/generic-terms.txt}: 技术, 方法, 开发, the, of,
 * technology…), bare numbers, units and lone letters or characters are dropped. smartcn cuts words
 * it does not know into single characters (钙/钛/矿); a run of such characters is joined back into
 * one term (钙钛矿), and a character that follows a word directly also forms a compound with it
 * (石墨 + 烯 → 石墨烯, besides 石墨), so graphene and graphite stay apart.
 */
public final class ContentTerms {

    /** One content term with where it stands in the text (for highlighting) and how it was written there. */
    public record Term(String term, String surface, int start, int end) {
    }

    private static final Analyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);
    private static final Set<String> GENERIC = load("/search/generic-terms.txt");
    /** Characters that never join a compound: particles, conjunctions, prepositions, measure words. */
    private static final String FUNCTION_CHARACTERS = "的地得了着过和与及或并而且也都就又还在是为对把被将从以由于向往至其之所等个种项台套次年月日天时分秒元亩吨米克升这那此该各每";
    private static final Pattern NUMERIC = Pattern.compile("[\\p{N}.,%‰×·~\\-+/]+");
    private static final int MAX_TERMS = 400;
    /** Terms of recently analysed texts, up to ~500,000 characters of text (about 16 MB). */
    private static final Cache<String, List<Term>> ANALYSED = Caffeine.newBuilder()
            .maximumWeight(500_000)
            .weigher((String text, List<Term> terms) -> text.length())
            .build();

    private ContentTerms() {
    }

    /** The distinct content terms of the texts, in order of first appearance. */
    public static List<String> of(String... texts) {
        Set<String> terms = new LinkedHashSet<>();
        for (String text : texts) {
            if (text != null) {
                for (Term t : analyse(text)) {
                    terms.add(t.term());
                    if (terms.size() >= MAX_TERMS) {
                        return List.copyOf(terms);
                    }
                }
            }
        }
        return List.copyOf(terms);
    }

    /** The distinct content terms of some texts, each with the way it was first written. */
    public static Map<String, String> surfaces(Collection<String> texts) {
        Map<String, String> surfaces = new LinkedHashMap<>();
        for (String text : texts) {
            if (text != null) {
                analyse(text).forEach(t -> surfaces.putIfAbsent(t.term(), t.surface()));
            }
        }
        return surfaces;
    }

    /**
     * Content terms of one text with their offsets. The same texts come back again and again (a
     * demand's on each of its rankings, a strong achievement's in every pair it is explained in), and
     * smartcn was most of a ranking's own CPU time, so recent texts' terms are kept.
     */
    public static List<Term> analyse(String text) {
        return ANALYSED.get(text, ContentTerms::analyseNow);
    }

    private static List<Term> analyseNow(String text) {
        List<Term> raw = tokens(text);
        List<Term> terms = new ArrayList<>();
        int i = 0;
        while (i < raw.size()) {
            Term token = raw.get(i);
            if (isLoneCharacter(token)) {
                // A run of single characters smartcn could not place: one unknown word (钙钛矿).
                int j = i;
                StringBuilder run = new StringBuilder();
                while (j < raw.size() && isLoneCharacter(raw.get(j)) && !isFunctionCharacter(raw.get(j))
                        && (j == i || raw.get(j).start() == raw.get(j - 1).end())) {
                    run.append(raw.get(j).term());
                    j++;
                }
                if (run.length() >= 2) {
                    terms.add(new Term(run.toString(), text.substring(token.start(), raw.get(j - 1).end()),
                            token.start(), raw.get(j - 1).end()));
                    i = j;
                    continue;
                }
                i++;
                continue;
            }
            if (keep(token)) {
                terms.add(token);
                if (isCjk(token.term()) && i + 1 < raw.size()) {
                    Term next = raw.get(i + 1);
                    boolean nextStartsRun = i + 2 < raw.size() && isLoneCharacter(raw.get(i + 2))
                            && raw.get(i + 2).start() == next.end();
                    if (isLoneCharacter(next) && next.start() == token.end() && !isFunctionCharacter(next) && !nextStartsRun) {
                        String compound = token.term() + next.term();
                        terms.add(new Term(compound, text.substring(token.start(), next.end()), token.start(), next.end()));
                    }
                }
            }
            i++;
        }
        return List.copyOf(terms);
    }

    /** Whether a word is one of the stop, function, generic words or units that never count. */
    public static boolean isGeneric(String word) {
        return GENERIC.contains(word.toLowerCase(java.util.Locale.ROOT));
    }

    /** Whether a term is a content word (used for a client's query words too). */
    public static boolean isContent(String word) {
        return !analyse(word).isEmpty();
    }

    private static boolean keep(Term token) {
        String term = token.term();
        if (term.length() < 2 || NUMERIC.matcher(term).matches()) {
            return false;
        }
        return !GENERIC.contains(term) && !GENERIC.contains(token.surface().toLowerCase(java.util.Locale.ROOT));
    }

    private static boolean isLoneCharacter(Term token) {
        return token.term().length() == 1 && isCjk(token.term());
    }

    private static boolean isFunctionCharacter(Term token) {
        return FUNCTION_CHARACTERS.indexOf(token.term().charAt(0)) >= 0;
    }

    static boolean isCjk(String term) {
        return !term.isEmpty() && Character.isIdeographic(term.codePointAt(0));
    }

    private static List<Term> tokens(String text) {
        List<Term> tokens = new ArrayList<>();
        try (TokenStream stream = ANALYZER.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                int start = offset.startOffset();
                int end = Math.min(offset.endOffset(), text.length());
                if (start < end) {
                    String surface = text.substring(start, end);
                    String word = term.toString();
                    tokens.add(new Term(word.equals(surface) ? surface : word, surface, start, end));
                }
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot analyse text", e);
        }
        return tokens;
    }

    private static Set<String> load(String resource) {
        try (InputStream in = ContentTerms.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            Set<String> words = new HashSet<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !stripped.startsWith("#")) {
                    for (String word : stripped.split("\\s+")) {
                        words.add(word.toLowerCase(java.util.Locale.ROOT));
                    }
                }
            }
            return Set.copyOf(words);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
