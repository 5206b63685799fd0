package io.techbridge.achievement.duplicates;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.UUID;

/**
 * A record the new one may duplicate, as the caller may see it: with title, organisation and status
 * when it may read the record, else anonymised (the id and "另一机构的成果" only).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DuplicateCandidate(UUID id, String title, String organisationId, String status, double similarity,
        List<DuplicateReason> reasons) {

    public static final String HIDDEN_TITLE = "另一机构的成果";

    public static DuplicateCandidate hidden(UUID id, double similarity, List<DuplicateReason> reasons) {
        return new DuplicateCandidate(id, HIDDEN_TITLE, null, null, similarity, reasons);
    }
}
