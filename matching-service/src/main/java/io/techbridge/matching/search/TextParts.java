package io.techbridge.matching.search;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Joins the parts of a listing into one text, and fingerprints it so an unchanged text is not embedded again. */
public final class TextParts {

    private TextParts() {
    }

    public static String join(String... parts) {
        return Stream.of(parts).filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.joining("。"));
    }

    /**
     * The fingerprint of a text as the embedding model reads it: the model's version is part of it,
     * so a change in how texts are embedded (lower-cased since English words are unknown to the
     * model otherwise) re-embeds every text once, at its next event or at a reindex.
     */
    public static String hash(String text) {
        return digest(io.techbridge.matching.embedding.EmbeddingService.VERSION + "\n" + text);
    }

    private static String digest(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
