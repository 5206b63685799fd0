package io.techbridge.commons.idempotency;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a resource method that creates something or starts a job as safe to repeat with an
 * {@code Idempotency-Key} header: a repeat by the same caller with the same key and the same
 * request answers the first answer again (status, body, {@code Location}) without doing the work
 * twice; the same key with another request is a 422 problem. Without the header the method works
 * as it always did.
 * <p>
 * The key's record is written in the transaction of the change itself ({@link IdempotencyInterceptor}),
 * so the work joins it: its {@code @Transactional} methods must join an existing transaction (the
 * default), not start their own. The OpenAPI document describes the header on every such
 * operation ({@link IdempotencyOpenApi}). The method returns a {@code Response}. Put it on
 * methods, one by one; on a type it only binds {@link IdempotencyInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {

    /**
     * The body carries a secret, such as a new account's password. Only a hash of a request is ever
     * stored, never the request; for such a body it is a slow one ({@link IdempotentRequest#stretched},
     * PBKDF2 as for password hashes), so the stored row makes guessing the secret no cheaper than
     * the account's own password hash does.
     */
    @Nonbinding
    boolean secretBody() default false;
}
