package io.techbridge.demand.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.domain.MoneyRange;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.validation.groups.Default;
import org.hibernate.validator.constraints.UniqueElements;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;
import java.util.UUID;

/**
 * A proposal for an open challenge (揭榜), the body of a submission and of an edit; an edit sends
 * the {@code version} it read. The read-only members of an application are accepted and ignored,
 * so a client can send back what it read with its edits.
 */
@ApplicationRequest.PromiseNotBelowNow
@JsonIgnoreProperties(value = {"id", "demandId", "organisationId", "organisationName", "status", "scores",
        "totalScore", "shortlisted", "outcomeReason", "submittedAt", "updatedAt"}, allowGetters = true)
public record ApplicationRequest(
        @NotNull(groups = OnUpdate.class) @Min(1) Long version,
        @NotBlank @Size(max = 4000) String approach,
        @NotBlank @Size(max = 2000) String team,
        @NotNull @Min(1) @Max(9) Integer trlNow,
        @NotNull @Min(1) @Max(9) Integer trlPromised,
        @NotNull @Size(min = 1, max = 12) List<@NotNull @Valid Milestone> milestones,
        @NotNull @Min(0) @Max(MoneyRange.MAX_CNY) Long priceCny,
        @Size(max = 20) @UniqueElements List<@NotNull UUID> achievementIds) {

    /** Rules of an edit, on top of the common ones. */
    public interface OnUpdate extends Default {
    }

    /** The maturity promised cannot be below today's; reported on {@code trlPromised}. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = PromiseNotBelowNowValidator.class)
    public @interface PromiseNotBelowNow {
        String message() default "must not be below trlNow";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class PromiseNotBelowNowValidator implements ConstraintValidator<PromiseNotBelowNow, ApplicationRequest> {
        @Override
        public boolean isValid(ApplicationRequest request, ConstraintValidatorContext context) {
            if (request == null || request.trlNow() == null || request.trlPromised() == null
                    || request.trlPromised() >= request.trlNow()) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("trlPromised").addConstraintViolation();
            return false;
        }
    }
}
