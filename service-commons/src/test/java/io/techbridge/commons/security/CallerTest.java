package io.techbridge.commons.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.techbridge.commons.problem.ProblemException;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the services learn of a caller from its verified token. */
class CallerTest {

    @Test
    void withoutATokenTheCallerIsAnonymous() {
        Caller caller = caller(identity(null, true));
        assertTrue(caller.isAnonymous());
        assertEquals(Optional.empty(), caller.role());
        assertEquals("anonymous", caller.name());
        assertFalse(caller.actsFor("org-a"));
        assertEquals(401, assertThrows(ProblemException.class, caller::requireAuthenticated).problem().status());
        assertEquals(401, assertThrows(ProblemException.class, () -> caller.requireRole(Role.BROKER)).problem().status());
    }

    @Test
    void aPrincipalThatIsNoTechBridgeTokenIsNoCaller() {
        Principal plain = () -> "someone";
        assertTrue(caller(identity(plain, false)).isAnonymous());
        assertTrue(caller(identity(token(null, "u@org-a", Set.of("university"), "org-a"), false)).isAnonymous());
    }

    @Test
    void aUniversityActsForItsOrganisationOnly() {
        Caller caller = caller(identity(token("raw", "tto@org-a", Set.of("university"), "org-a"), false));
        assertFalse(caller.isAnonymous());
        assertEquals(Optional.of(Role.UNIVERSITY), caller.role());
        assertTrue(caller.is(Role.UNIVERSITY));
        assertFalse(caller.seesEverything());
        assertTrue(caller.actsFor("org-a"));
        assertFalse(caller.actsFor("org-b"));
        assertFalse(caller.actsFor(null));
        assertEquals("tto@org-a", caller.name());
        assertEquals("org-a", caller.requireOrganisation());
        assertEquals(Role.UNIVERSITY, caller.requireRole(Role.ENTERPRISE, Role.UNIVERSITY));
        ProblemException refused = assertThrows(ProblemException.class, () -> caller.requireRole(Role.ENTERPRISE));
        assertEquals(403, refused.problem().status());
        assertTrue(refused.problem().detail().contains("'university'"), refused.problem().detail());
    }

    @Test
    void brokersAndAdminsSeeEverythingEvenWithoutAnOrganisation() {
        Caller broker = caller(identity(token("raw", "broker", Set.of("broker"), null), false));
        assertTrue(broker.seesEverything());
        assertEquals(403, assertThrows(ProblemException.class, broker::requireOrganisation).problem().status());
        assertTrue(caller(identity(token("raw", "admin", Set.of("admin"), " "), false)).seesEverything());
        assertEquals(Optional.empty(), caller(identity(token("raw", "admin", Set.of("admin"), " "), false)).organisationId());
    }

    @Test
    void aTokenWithoutATechBridgeRoleMayDoNothingThatNeedsOne() {
        Caller caller = caller(identity(token("raw", "x@org-a", Set.of("operator"), "org-a"), false));
        assertFalse(caller.isAnonymous());
        assertEquals(Optional.empty(), caller.role());
        ProblemException refused = assertThrows(ProblemException.class, () -> caller.requireRole(Role.values()));
        assertEquals(403, refused.problem().status());
    }

    private static Caller caller(SecurityIdentity identity) {
        Caller caller = new Caller();
        caller.identity = identity;
        return caller;
    }

    private static SecurityIdentity identity(Principal principal, boolean anonymous) {
        return (SecurityIdentity) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] {SecurityIdentity.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getPrincipal" -> principal;
                    case "isAnonymous" -> anonymous;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    private static JsonWebToken token(String raw, String name, Set<String> groups, String organisation) {
        Map<String, Object> claims = organisation == null ? Map.of() : Map.of(TokenClaims.ORGANISATION, organisation);
        return (JsonWebToken) Proxy.newProxyInstance(CallerTest.class.getClassLoader(),
                new Class<?>[] {JsonWebToken.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRawToken" -> raw;
                    case "getName" -> name;
                    case "getGroups" -> groups;
                    case "getClaim" -> claims.get(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
