package io.techbridge.commons.web;

import io.techbridge.commons.problem.Problems;

import java.util.Map;

/**
 * Characters no text of the platform may hold, whoever sends it: NUL (can't be stored as text),
 * other control characters but tab and line breaks (invisible, and they break exports and logs),
 * lone surrogates (half of a character, not text at all) and the bidirectional embedding, override
 * and isolate controls (U+202A–U+202E, U+2066–U+2069), which make a title display other than it
 * reads. Each has its rule name and message for the 400 that names the member or parameter.
 */
public final class TextCharacters {

    /** A broken rule: the violation's rule name and message. */
    public record Refusal(String rule, String message) {
    }

    static final Refusal NUL = new Refusal("no-nul", Problems.NUL_CHARACTER);
    static final Refusal CONTROL = new Refusal("no-control-characters",
            "must not contain control characters (U+0001–U+001F other than tab and line breaks, U+007F–U+009F)");
    static final Refusal LONE_SURROGATE = new Refusal("no-lone-surrogates",
            "must not contain a lone surrogate (U+D800–U+DFFF on its own is not a character)");
    static final Refusal BIDI_CONTROL = new Refusal("no-bidi-controls",
            "must not contain bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069), "
                    + "which make text display other than it reads");

    private static final Map<String, Refusal> BY_MESSAGE = Map.of(NUL.message(), NUL, CONTROL.message(), CONTROL,
            LONE_SURROGATE.message(), LONE_SURROGATE, BIDI_CONTROL.message(), BIDI_CONTROL);

    private TextCharacters() {
    }

    /** What is wrong with the text, or null when nothing is. */
    public static Refusal check(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return NUL;
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F)) {
                return CONTROL;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return LONE_SURROGATE;
            }
            if (Character.isLowSurrogate(c)) {
                return LONE_SURROGATE;
            }
            if ((c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)) {
                return BIDI_CONTROL;
            }
        }
        return null;
    }

    /** The refusal a message of {@link #check} stands for, or null for any other message. */
    public static Refusal byMessage(String message) {
        return message == null ? null : BY_MESSAGE.get(message);
    }
}
