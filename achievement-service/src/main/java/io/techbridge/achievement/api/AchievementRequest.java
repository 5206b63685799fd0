package io.techbridge.achievement.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.achievement.domain.AchievementStatus;
import io.techbridge.achievement.domain.IpForm;
import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.FieldCode;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.RegionCode;
import io.techbridge.commons.domain.TransferMode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import org.hibernate.validator.constraints.UniqueElements;

import java.util.List;

/**
 * The body of a create or an update. The owning organisation is the caller's (from the token):
 * {@code organisationId} may be left out, and one naming another organisation is refused. A create
 * may publish at once ({@code status} DRAFT, the default, or PUBLISHED); an update sends the
 * {@code version} it read. The read-only members of a response are accepted and ignored, so a client can send back
 * what it read with its edits.
 */
@JsonIgnoreProperties(value = {"id", "stage", "statusReason", "mergedInto", "createdAt", "updatedAt"}, allowGetters = true)
public record AchievementRequest(
        @Size(max = 64) @Pattern(regexp = ORGANISATION_ID, message = "must be letters, digits, '.', '_' or '-'") String organisationId,
        AchievementStatus status,
        @NotNull(groups = OnUpdate.class) @Min(1) Long version,
        @NotBlank @Size(max = 200) String institution,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String summary,
        @NotNull @Size(min = 1, max = 10) @UniqueElements List<@NotBlank @Size(max = 40) String> keywords,
        @NotNull @FieldCode String fieldCode,
        @NotNull @Min(1) @Max(9) Integer trl,
        @Size(max = 7) @UniqueElements List<@NotNull IpForm> ipForms,
        @Size(max = 50) @UniqueElements List<@NotBlank @Pattern(regexp = PATENT_NUMBER,
                message = "must be a patent number such as ZL202110345678.2 or CN112345678A") String> patentNumbers,
        @NotNull @Size(min = 1, max = 5) @UniqueElements List<@NotNull TransferMode> transferModes,
        @NotNull @Valid MoneyRange askingPrice,
        Boolean freeTrialLicence,
        @Size(max = 2000) String advantages,
        @NotNull @RegionCode String regionCode,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> inventors,
        @NotNull @Valid Contact contact) {

    static final String ORGANISATION_ID = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    /** Chinese patent numbers: ZL202110345678.2 (application) or CN112345678A (publication); other offices alike. */
    static final String PATENT_NUMBER = "^[A-Z]{2}\\d{6,13}(\\.[0-9X]|[A-Z]\\d?)?$";

    /** Rules of a create, on top of the common ones. */
    public interface OnCreate extends Default {
    }

    /** Rules of an update, on top of the common ones. */
    public interface OnUpdate extends Default {
    }
}
