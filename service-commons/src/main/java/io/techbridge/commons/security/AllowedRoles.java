package io.techbridge.commons.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The roles that may call an endpoint at all. A logged-in caller of any other role is answered 403
 * by {@link RoleChecks} before the body is read or validated, so it learns nothing from validation
 * messages about what a valid request would look like. Who may act on which record (the
 * organisation, the record's state) is still decided by the service.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface AllowedRoles {

    Role[] value();
}
