package io.techbridge.matching.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.util.List;

/** An achievement as indexed: its searchable text, structured fields and embedding. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AchievementDocument(
        String id,
        long version,
        String organisationId,
        String institution,
        String title,
        String summary,
        String advantages,
        List<String> keywords,
        String fieldCode,
        String fieldTop,
        Integer trl,
        String regionCode,
        String provinceCode,
        List<String> transferModes,
        Long priceMinCny,
        Long priceMaxCny,
        boolean priceNegotiable,
        String status,
        boolean inPool,
        Instant createdAt,
        Instant updatedAt,
        List<String> terms,
        List<String> headlineTerms,
        String textHash,
        float[] embedding) {

    /** What the embedding is computed from. */
    public String embeddingText() {
        return TextParts.join(title, summary);
    }

    /** Fingerprint of everything a pair of this achievement is scored from. */
    public String matchingInputs() {
        return TextParts.hash(String.join("\u0001", String.valueOf(organisationId), String.valueOf(title),
                String.valueOf(summary), String.valueOf(advantages), String.valueOf(keywords), String.valueOf(fieldCode),
                String.valueOf(trl), String.valueOf(regionCode), String.valueOf(transferModes), String.valueOf(priceMinCny),
                String.valueOf(priceMaxCny), String.valueOf(priceNegotiable), String.valueOf(status), String.valueOf(inPool)));
    }

    public AchievementDocument withEmbedding(float[] vector) {
        return new AchievementDocument(id, version, organisationId, institution, title, summary, advantages, keywords,
                fieldCode, fieldTop, trl, regionCode, provinceCode, transferModes, priceMinCny, priceMaxCny,
                priceNegotiable, status, inPool, createdAt, updatedAt, terms, headlineTerms, textHash, vector);
    }
}
