package io.techbridge.matching.matching;

import io.techbridge.matching.search.AchievementDocument;
import io.techbridge.matching.search.ContentTerms;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Marks the shared content words in the achievement's text with {@code <em>}: the title and
 * keywords whole, the summary and advantages as up to two fragments around the first marks. The
 * text is HTML-escaped, so {@code <em>} is the only markup.
 */
final class Highlighter {

    private static final int FRAGMENT = 80;

    private Highlighter() {
    }

    static Map<String, List<String>> highlights(AchievementDocument achievement, Set<String> terms) {
        Map<String, List<String>> highlights = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            return highlights;
        }
        whole("title", achievement.title(), terms, highlights);
        if (achievement.keywords() != null && !achievement.keywords().isEmpty()) {
            List<String> marked = new ArrayList<>();
            for (String keyword : achievement.keywords()) {
                String m = mark(keyword, spans(keyword, terms), 0, keyword.length());
                if (m != null) {
                    marked.add(m);
                }
            }
            if (!marked.isEmpty()) {
                highlights.put("keywords", marked);
            }
        }
        fragments("summary", achievement.summary(), terms, highlights);
        fragments("advantages", achievement.advantages(), terms, highlights);
        return highlights;
    }

    private static void whole(String field, String text, Set<String> terms, Map<String, List<String>> out) {
        if (text != null) {
            String marked = mark(text, spans(text, terms), 0, text.length());
            if (marked != null) {
                out.put(field, List.of(marked));
            }
        }
    }

    private static void fragments(String field, String text, Set<String> terms, Map<String, List<String>> out) {
        if (text == null) {
            return;
        }
        List<int[]> spans = spans(text, terms);
        List<String> fragments = new ArrayList<>();
        int covered = -1;
        for (int[] span : spans) {
            if (span[0] < covered) {
                continue;
            }
            int start = wordStart(text, Math.max(0, span[0] - FRAGMENT / 4), span[0]);
            int end = wordEnd(text, Math.min(text.length(), start + FRAGMENT));
            String marked = mark(text, spans, start, end);
            if (marked != null) {
                fragments.add(marked);
            }
            covered = end;
            if (fragments.size() == 2) {
                break;
            }
        }
        if (!fragments.isEmpty()) {
            out.put(field, fragments);
        }
    }

    /** A fragment of English text starts at a word, not inside one (Chinese has no spaces to look for). */
    private static int wordStart(String text, int start, int limit) {
        if (start == 0 || !Character.isLetterOrDigit(text.charAt(start - 1))) {
            return start;
        }
        for (int i = start; i < limit; i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                return i + 1;
            }
        }
        return start;
    }

    /** …and ends after a word, looking a few characters on. */
    private static int wordEnd(String text, int end) {
        for (int i = end; i < Math.min(text.length(), end + 20); i++) {
            if (!Character.isLetterOrDigit(text.charAt(i))) {
                return i;
            }
        }
        return end;
    }

    /** The text between start and end with the shared words (at spans) marked, or null when none is there. */
    private static String mark(String text, List<int[]> spans, int start, int end) {
        StringBuilder out = new StringBuilder();
        int at = start;
        boolean any = false;
        for (int[] span : spans) {
            if (span[0] < at || span[1] > end) {
                continue;
            }
            out.append(escape(text.substring(at, span[0]))).append("<em>")
                    .append(escape(text.substring(span[0], span[1]))).append("</em>");
            at = span[1];
            any = true;
        }
        out.append(escape(text.substring(at, end)));
        return any ? out.toString() : null;
    }

    /** Where shared words stand; overlapping ones (石墨 in 石墨烯) become one span. */
    private static List<int[]> spans(String text, Set<String> terms) {
        List<int[]> spans = new ArrayList<>();
        for (ContentTerms.Term term : ContentTerms.analyse(text)) {
            if (!terms.contains(term.term())) {
                continue;
            }
            if (!spans.isEmpty() && term.start() < spans.get(spans.size() - 1)[1]) {
                int[] last = spans.get(spans.size() - 1);
                last[1] = Math.max(last[1], term.end());
            } else {
                spans.add(new int[]{term.start(), term.end()});
            }
        }
        return spans;
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
