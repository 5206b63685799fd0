package io.techbridge.demand.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.techbridge.commons.domain.MoneyRange;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

/**
 * An open challenge (揭榜挂帅) attached to a demand: the enterprise sets the goal and the bounty,
 * universities apply until the application deadline, and the winner is picked by the judging
 * deadline. The application deadline must lie ahead when the challenge is posted; an update may
 * keep one that has since passed, but cannot move it into the past. Where the challenge stands
 * ({@link ChallengeView}: phase, applications, winners) is read-only: sent back, it is ignored.
 */
@Challenge.DeadlinesInOrder
@JsonIgnoreProperties(value = {"phase", "applicationCount", "winners", "awardedAt", "awardedBy", "awardedByRole"},
        allowGetters = true)
public record Challenge(
        @NotBlank @Size(max = 2000) String goal,
        @Size(max = 2000) String indicators,
        @NotNull @Min(0) @Max(MoneyRange.MAX_CNY) Long bountyCny,
        @NotNull @Future(groups = DemandRequest.OnCreate.class) LocalDate applicationDeadline,
        @NotNull LocalDate judgingDeadline) {

    /** The winner cannot be judged before the applications are in. */
    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = DeadlinesInOrderValidator.class)
    public @interface DeadlinesInOrder {
        String message() default "must not be before applicationDeadline";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class DeadlinesInOrderValidator implements ConstraintValidator<DeadlinesInOrder, Challenge> {
        @Override
        public boolean isValid(Challenge challenge, ConstraintValidatorContext context) {
            if (challenge == null || challenge.applicationDeadline() == null || challenge.judgingDeadline() == null
                    || !challenge.judgingDeadline().isBefore(challenge.applicationDeadline())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("judgingDeadline").addConstraintViolation();
            return false;
        }
    }
}
