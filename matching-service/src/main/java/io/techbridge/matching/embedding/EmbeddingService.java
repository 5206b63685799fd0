package io.techbridge.matching.embedding;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallzhv15.BgeSmallZhV15EmbeddingModel;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * Sentence embeddings from bge-small-zh-v1.5, run in-process on the CPU through ONNX Runtime;
 * the weights ship inside a Maven Central jar. Embedding is the slowest step of ingestion, so
 * callers batch, and never embed a listing on a request thread that a user waits on; the one
 * exception is a search query (at most 200 characters: ~5 ms for a few words, ~45 ms for 200).
 */
@ApplicationScoped
public class EmbeddingService {

    public static final int DIMENSIONS = 512;
    /** Changes whenever the same text would embed differently; stored fingerprints include it. */
    public static final String VERSION = "bge-small-zh-v1.5, lower-cased";
    private static final int MAX_CHARS = 500;

    private final EmbeddingModel model;

    public EmbeddingService() {
        this.model = new BgeSmallZhV15EmbeddingModel();
    }

    public float[] embed(String text) {
        return model.embed(clip(text)).content().vector();
    }

    public List<float[]> embedAll(List<String> texts) {
        List<TextSegment> segments = texts.stream().map(t -> TextSegment.from(clip(t))).toList();
        return model.embedAll(segments).content().stream().map(Embedding::vector).toList();
    }

    /**
     * The model reads 512 tokens; the opening of a listing (title, then summary) says what it is.
     * Its vocabulary is lower-case: "Graphene" would be an unknown word, "graphene" is not.
     */
    private static String clip(String text) {
        String clean = text == null || text.isBlank() ? "-" : text.strip().toLowerCase(java.util.Locale.ROOT);
        return clean.length() > MAX_CHARS ? clean.substring(0, MAX_CHARS) : clean;
    }

    public static double cosine(float[] a, float[] b) {
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / (Math.sqrt(normA) * Math.sqrt(normB));
    }
}
