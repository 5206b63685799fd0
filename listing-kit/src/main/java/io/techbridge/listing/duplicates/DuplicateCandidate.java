package io.techbridge.listing.duplicates;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * A record the new one may duplicate, as the caller may see it: with id, title, organisation, status
 * and similarity when it may read the record in full, else anonymised: the title "另一机构的成果" or
 * "另一机构的需求" and the reasons only. An anonymised candidate carries neither the record's id nor
 * the similarity, which would let a caller who guesses at a record it may not read tell how close
 * the guess came (1.0 for its exact title).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateCandidate(
        @Schema(description = "absent when the candidate is anonymised") UUID id,
        String title,
        @Schema(description = "absent when the candidate is anonymised") String organisationId,
        @Schema(description = "absent when the candidate is anonymised") String status,
        @Schema(description = "0 to 1, three decimals; absent when the candidate is anonymised") Double similarity,
        List<DuplicateReason> reasons) {

    /** The candidates a caller may read in full first, most similar first; then the anonymised ones. */
    public static final Comparator<DuplicateCandidate> SHOWN_ORDER = Comparator.comparing(DuplicateCandidate::similarity,
            Comparator.nullsLast(Comparator.reverseOrder()));

    /** As one who may read the record in full sees it. */
    public static DuplicateCandidate of(UUID id, String title, String organisationId, String status,
            DuplicateRules.Verdict verdict) {
        return new DuplicateCandidate(id, title, organisationId, status, verdict.similarity(), verdict.reasons());
    }

    /** Anonymised: only the reasons, under {@code hiddenTitle}. */
    public static DuplicateCandidate hidden(String hiddenTitle, DuplicateRules.Verdict verdict) {
        return new DuplicateCandidate(null, hiddenTitle, null, null, null, verdict.reasons());
    }

    public boolean anonymised() {
        return id == null;
    }
}
