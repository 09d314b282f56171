package com.orderflow.order;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.math.BigDecimal;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An amount in cents: at most {@link #integer()} digits before the point and two after it, trailing zeros
 * not counted ({@code 12.500} is {@code 12.50}), as the modification parser and the portal form read
 * amounts. {@code @Digits} would refuse {@code 12.500}.
 */
@Documented
@Constraint(validatedBy = Cents.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
public @interface Cents {

    int integer();

    String message() default "must have at most {integer} digits before the point and 2 after it";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    final class Validator implements ConstraintValidator<Cents, BigDecimal> {

        private int integer;

        @Override
        public void initialize(Cents cents) {
            integer = cents.integer();
        }

        @Override
        public boolean isValid(BigDecimal value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            BigDecimal cents = OrderFieldRules.inCents(value);
            return cents.scale() <= OrderFieldRules.FRACTION_DIGITS && cents.precision() - cents.scale() <= integer;
        }
    }
}
