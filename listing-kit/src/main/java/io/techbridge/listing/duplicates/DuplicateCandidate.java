package io.techbridge.listing.duplicates;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * A record the new one may duplicate, as the caller may see it: with title, organisation and status
 * when it may read the record in full, else anonymised (the id and "另一机构的成果" or "另一机构的需求" only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateCandidate(UUID id, String title, String organisationId, String status, double similarity,
        List<DuplicateReason> reasons) {

    /** As one who may read the record in full sees it. */
    public static DuplicateCandidate of(UUID id, String title, String organisationId, String status,
            DuplicateRules.Verdict verdict) {
        return new DuplicateCandidate(id, title, organisationId, status, verdict.similarity(), verdict.reasons());
    }

    /** Anonymised: only the id, the similarity and the reasons, under {@code hiddenTitle}. */
    public static DuplicateCandidate hidden(UUID id, String hiddenTitle, DuplicateRules.Verdict verdict) {
        return new DuplicateCandidate(id, hiddenTitle, null, null, verdict.similarity(), verdict.reasons());
    }
}
