package io.techbridge.gateway.api;

import io.techbridge.commons.problem.Problems;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

import java.util.Set;

/**
 * Checks an admin operation's body after the role check, not before as {@code @Valid} would: a
 * caller without the right learns nothing about the rules from validation messages.
 */
@ApplicationScoped
public class AdminRequests {

    private final Validator validator;

    public AdminRequests(Validator validator) {
        this.validator = validator;
    }

    public void validate(Object request) {
        if (request == null) {
            throw Problems.invalidField("request", "NotNull", "a JSON body is required");
        }
        Set<ConstraintViolation<Object>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }
}
