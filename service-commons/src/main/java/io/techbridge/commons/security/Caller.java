package io.techbridge.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.techbridge.commons.problem.Problems;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.Principal;
import java.util.Optional;

/**
 * Who is calling, from the verified token (or nobody). Resources ask it before changing data, and
 * services use it to decide what a caller may see: every service checks for itself, whatever the
 * gateway already did.
 */
@RequestScoped
public class Caller {

    @Inject
    SecurityIdentity identity;

    public boolean isAnonymous() {
        return identity.isAnonymous() || token().isEmpty();
    }

    public Optional<Role> role() {
        return token().flatMap(t -> t.getGroups().stream().map(Role::fromClaim).flatMap(Optional::stream).findFirst());
    }

    public boolean is(Role role) {
        return role().filter(role::equals).isPresent();
    }

    /** Brokers and admins see every record in full. */
    public boolean seesEverything() {
        return is(Role.BROKER) || is(Role.ADMIN);
    }

    public Optional<String> organisationId() {
        return token().map(t -> t.<String>getClaim(TokenClaims.ORGANISATION)).filter(o -> !o.isBlank());
    }

    public boolean actsFor(String organisationId) {
        return organisationId != null && organisationId().filter(organisationId::equals).isPresent();
    }

    /** The login name, as recorded in histories ("who did it"). */
    public String name() {
        return token().map(JsonWebToken::getName).orElse("anonymous");
    }

    /** 401 for a caller without a valid token. */
    public void requireAuthenticated() {
        if (isAnonymous()) {
            throw Problems.unauthenticated("this operation needs a login; send Authorization: Bearer <token>");
        }
    }

    /** The user's stable id (the token's subject), for what a person owns: a pair assigned to them, say. */
    public Optional<String> userId() {
        return token().map(JsonWebToken::getSubject).filter(s -> !s.isBlank());
    }

    /** The name people know the user by (claim {@code name}), else the login name. */
    public String displayName() {
        return token().map(t -> t.<String>getClaim("name")).filter(n -> n != null && !n.isBlank()).orElseGet(this::name);
    }

    /** 401 without a token, 403 with another role. */
    public Role requireRole(Role... allowed) {
        requireAuthenticated();
        Role role = role().orElseThrow(() -> Problems.forbidden("the token carries no TechBridge role"));
        for (Role r : allowed) {
            if (r == role) {
                return role;
            }
        }
        throw Problems.forbidden("role '" + role.claim() + "' may not do this; allowed: "
                + java.util.Arrays.stream(allowed).map(Role::claim).toList());
    }

    /** The caller's organisation, or 403 when the token names none. */
    public String requireOrganisation() {
        return organisationId().orElseThrow(() -> Problems.forbidden("the token names no organisation"));
    }

    private Optional<JsonWebToken> token() {
        Principal principal = identity.getPrincipal();
        return principal instanceof JsonWebToken jwt && jwt.getRawToken() != null ? Optional.of(jwt) : Optional.empty();
    }
}
