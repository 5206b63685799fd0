package io.techbridge.demand.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.domain.Contact;
import io.techbridge.commons.domain.FieldCode;
import io.techbridge.commons.domain.MoneyRange;
import io.techbridge.commons.domain.RegionCode;
import io.techbridge.commons.domain.TransferMode;
import io.techbridge.demand.domain.Confidentiality;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import org.hibernate.validator.constraints.UniqueElements;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;
import java.util.List;

/**
 * The body of a create or an update. The owning organisation of an enterprise's demand is the
 * caller's (from the token): {@code organisationId} may be left out, and one naming another
 * organisation is refused; an admin posting a government-set challenge names it. An update sends
 * the {@code version} it read. The read-only members of a response are accepted and ignored, so a
 * client can send back what it read with its edits. The status changes only through the status
 * operations and by expiry.
 */
@DemandRequest.JudgingWithinValidity
@JsonIgnoreProperties(value = {"id", "status", "statusReason", "mergedInto", "createdAt", "updatedAt"}, allowGetters = true)
public record DemandRequest(
        @Size(max = 64) @Pattern(regexp = ORGANISATION_ID, message = "must be letters, digits, '.', '_' or '-'") String organisationId,
        @NotNull(groups = OnUpdate.class) @Min(1) Long version,
        @NotBlank @Size(max = 200) String enterprise,
        @NotBlank @Size(max = 200) String title,
        @NotBlank @Size(max = 4000) String problem,
        @Size(max = 2000) String indicators,
        @NotNull @FieldCode String fieldCode,
        @NotNull @Size(min = 1, max = 10) @UniqueElements List<@NotBlank @Size(max = 40) String> keywords,
        @NotNull @Valid MoneyRange budget,
        @NotNull @Future(groups = OnCreate.class) LocalDate validUntil,
        @NotNull @RegionCode String regionCode,
        @NotNull @Size(min = 1, max = 5) @UniqueElements List<@NotNull TransferMode> cooperationModes,
        @Min(1) @Max(9) Integer minTrl,
        Confidentiality confidentiality,
        @Valid Challenge challenge,
        @NotNull @Valid Contact contact) {

    static final String ORGANISATION_ID = "^[A-Za-z0-9][A-Za-z0-9._-]*$";

    /** The same request naming this organisation (as an admin's import names it once for every row). */
    public DemandRequest withOrganisationId(String organisation) {
        return new DemandRequest(organisation, version, enterprise, title, problem, indicators, fieldCode, keywords,
                budget, validUntil, regionCode, cooperationModes, minTrl, confidentiality, challenge, contact);
    }

    /** Rules of a create, on top of the common ones. */
    public interface OnCreate extends Default {
    }

    /** Rules of an update, on top of the common ones. */
    public interface OnUpdate extends Default {
    }

    /** A challenge is judged while the demand is still valid; reported on {@code challenge.judgingDeadline}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = JudgingWithinValidityValidator.class)
    public @interface JudgingWithinValidity {
        String message() default "must not be after validUntil";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class JudgingWithinValidityValidator implements ConstraintValidator<JudgingWithinValidity, DemandRequest> {
        @Override
        public boolean isValid(DemandRequest request, ConstraintValidatorContext context) {
            if (request == null || request.validUntil() == null || request.challenge() == null
                    || request.challenge().judgingDeadline() == null
                    || !request.challenge().judgingDeadline().isAfter(request.validUntil())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("challenge").addPropertyNode("judgingDeadline").addConstraintViolation();
            return false;
        }
    }
}
