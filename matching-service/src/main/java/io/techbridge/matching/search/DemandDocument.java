package io.techbridge.matching.search;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A demand as indexed: its searchable text, structured fields and embedding. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DemandDocument(
        String id,
        long version,
        String organisationId,
        String enterprise,
        String title,
        String problem,
        String indicators,
        List<String> keywords,
        String fieldCode,
        String fieldTop,
        Integer minTrl,
        String regionCode,
        String provinceCode,
        List<String> cooperationModes,
        Long budgetMinCny,
        Long budgetMaxCny,
        boolean budgetNegotiable,
        String confidentiality,
        boolean challenge,
        LocalDate validUntil,
        String status,
        boolean inPool,
        Instant createdAt,
        Instant updatedAt,
        List<String> terms,
        List<String> headlineTerms,
        String textHash,
        float[] embedding) {

    public String embeddingText() {
        return TextParts.join(title, problem);
    }

    /** The text a demand is searched with: what it is called, its keywords and the problem it states. */
    public String queryText() {
        return TextParts.join(title, keywords == null ? null : String.join(" ", keywords), problem);
    }

    /** Fingerprint of everything a pair of this demand is scored from, and whether it is proposed at all. */
    public String matchingInputs() {
        return TextParts.hash(String.join("\u0001", String.valueOf(organisationId), String.valueOf(title),
                String.valueOf(problem), String.valueOf(indicators), String.valueOf(keywords), String.valueOf(fieldCode),
                String.valueOf(minTrl), String.valueOf(regionCode), String.valueOf(cooperationModes),
                String.valueOf(budgetMinCny), String.valueOf(budgetMaxCny), String.valueOf(budgetNegotiable),
                String.valueOf(confidentiality), String.valueOf(challenge), String.valueOf(validUntil), String.valueOf(status),
                String.valueOf(inPool)));
    }

    public DemandDocument withEmbedding(float[] vector) {
        return new DemandDocument(id, version, organisationId, enterprise, title, problem, indicators, keywords,
                fieldCode, fieldTop, minTrl, regionCode, provinceCode, cooperationModes, budgetMinCny, budgetMaxCny,
                budgetNegotiable, confidentiality, challenge, validUntil, status, inPool, createdAt, updatedAt,
                terms, headlineTerms, textHash, vector);
    }
}
