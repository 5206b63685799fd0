package io.techbridge.commons.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;

/** A six-digit administrative division code (GB/T 2260) whose first two digits name a real province. */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = RegionCode.Validator.class)
public @interface RegionCode {
    String message() default "must be a six-digit GB/T 2260 region code such as 330100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<RegionCode, String> {
        private static final Set<String> PROVINCES = Set.of(
                "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
                "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64", "65",
                "71", "81", "82");

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || (value.matches("\\d{6}") && PROVINCES.contains(value.substring(0, 2)));
        }
    }
}
