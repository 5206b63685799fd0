package io.techbridge.commons.domain;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The constraints the request bodies of every service share, run by Bean Validation as a request's are. */
class DomainConstraintsTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void aMoneyRangeNeedsAnAmountUnlessNegotiable() {
        assertTrue(validator.validate(new MoneyRange(500_000L, 2_000_000L, false)).isEmpty());
        assertTrue(validator.validate(new MoneyRange(null, 2_000_000L, false)).isEmpty());
        assertTrue(validator.validate(new MoneyRange(1L, 1L, false)).isEmpty());
        assertTrue(validator.validate(MoneyRange.negotiableOnly()).isEmpty());
        assertEquals(Set.of("minCny"), paths(validator.validate(new MoneyRange(null, null, false))));
    }

    @Test
    void aMoneyRangeMayNotBeUpsideDownNegativeOrAbsurd() {
        assertEquals(Set.of("maxCny"), paths(validator.validate(new MoneyRange(2_000_000L, 500_000L, true))));
        assertEquals(Set.of("minCny"), paths(validator.validate(new MoneyRange(-1L, 10L, false))));
        assertEquals(Set.of("maxCny"), paths(validator.validate(new MoneyRange(0L, MoneyRange.MAX_CNY + 1, false))));
        assertTrue(validator.validate(new MoneyRange(0L, MoneyRange.MAX_CNY, false)).isEmpty());
    }

    @Test
    void fieldCodesAndRegionCodes() {
        FieldCode.Validator field = new FieldCode.Validator();
        assertTrue(field.isValid(null, null));
        assertTrue(field.isValid("04.03", null));
        assertFalse(field.isValid("04.3", null));
        RegionCode.Validator region = new RegionCode.Validator();
        assertTrue(region.isValid(null, null));
        assertTrue(region.isValid("330106", null));
        assertTrue(region.isValid("810000", null));
        assertFalse(region.isValid("000000", null));
        assertFalse(region.isValid("33010a", null));
        assertFalse(region.isValid("3301060", null));
    }

    private static <T> Set<String> paths(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> v.getPropertyPath().toString()).collect(Collectors.toSet());
    }
}
