package io.techbridge.commons.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** An amount in whole CNY given as a range, or negotiable (面议): an asking price or a budget. */
@MoneyRange.Consistent
public record MoneyRange(
        @PositiveOrZero @Max(MoneyRange.MAX_CNY) Long minCny,
        @PositiveOrZero @Max(MoneyRange.MAX_CNY) Long maxCny,
        boolean negotiable) {

    /** One trillion CNY: far above any technology contract, low enough to catch a slipped decimal. */
    public static final long MAX_CNY = 1_000_000_000_000L;

    public static MoneyRange negotiableOnly() {
        return new MoneyRange(null, null, true);
    }

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ConsistentValidator.class)
    public @interface Consistent {
        String message() default "minCny must not exceed maxCny, and an amount is needed unless negotiable";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ConsistentValidator implements ConstraintValidator<Consistent, MoneyRange> {
        @Override
        public boolean isValid(MoneyRange range, ConstraintValidatorContext context) {
            if (range == null) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            if (range.minCny() != null && range.maxCny() != null && range.minCny() > range.maxCny()) {
                context.buildConstraintViolationWithTemplate("must not be below minCny")
                        .addPropertyNode("maxCny").addConstraintViolation();
                return false;
            }
            if (!range.negotiable() && range.minCny() == null && range.maxCny() == null) {
                context.buildConstraintViolationWithTemplate("give minCny or maxCny, or set negotiable to true")
                        .addPropertyNode("minCny").addConstraintViolation();
                return false;
            }
            return true;
        }
    }
}
