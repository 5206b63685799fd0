package io.techbridge.commons.domain;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Who to call about a listing; shown only to brokers until an introduction is accepted. */
@Contact.Reachable
public record Contact(
        @NotBlank @Size(max = 50) String name,
        @Pattern(regexp = PHONE, message = "must be a mobile number (1xxxxxxxxxx) or a landline (0xx-xxxxxxxx)") String phone,
        @Email @Size(max = 254) String email) {

    /** Mainland mobile numbers, or landlines with area code and optional extension. */
    public static final String PHONE = "^(\\+?86[- ]?)?(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8}(-\\d{1,6})?)$";

    @Target(ElementType.TYPE)
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = ReachableValidator.class)
    public @interface Reachable {
        String message() default "give a phone number or an email address";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    public static class ReachableValidator implements ConstraintValidator<Reachable, Contact> {
        @Override
        public boolean isValid(Contact contact, ConstraintValidatorContext context) {
            if (contact == null || !isBlank(contact.phone()) || !isBlank(contact.email())) {
                return true;
            }
            context.disableDefaultConstraintViolation();
            context.buildConstraintViolationWithTemplate(context.getDefaultConstraintMessageTemplate())
                    .addPropertyNode("phone").addConstraintViolation();
            return false;
        }

        private static boolean isBlank(String value) {
            return value == null || value.isBlank();
        }
    }
}
