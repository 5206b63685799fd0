package io.techbridge.commons.problem;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProblemsTest {

    private static final UUID ID = UUID.fromString("0b6f5f0e-4a3c-4c55-9a3e-1b2c3d4e5f60");

    @Test
    void notFoundNamesWhatAndWhich() {
        Problem problem = Problems.notFound("achievement", ID).problem();
        assertEquals(URI.create("https://techbridge.io/problems/not-found"), problem.type());
        assertEquals(404, problem.status());
        assertEquals("achievement not found", problem.title());
        assertEquals("achievement " + ID + " does not exist", problem.detail());
        assertTrue(problem.violations().isEmpty());
        assertTrue(problem.context().isEmpty());
    }

    @Test
    void aVersionConflictTellsTheCurrentVersion() {
        ProblemException conflict = Problems.versionConflict("demand", ID, 3, 5);
        Problem problem = conflict.problem();
        assertEquals(409, problem.status());
        assertEquals(URI.create("https://techbridge.io/problems/version-conflict"), problem.type());
        assertEquals(Map.of("currentVersion", 5L, "sentVersion", 3L), problem.context());
        assertTrue(problem.detail().contains("reload version 5"), problem.detail());
        assertEquals(problem.detail(), conflict.getMessage());
    }

    @Test
    void anIllegalStateNamesTheStatus() {
        Problem problem = Problems.illegalState("achievement", ID, "WITHDRAWN", "published").problem();
        assertEquals(409, problem.status());
        assertEquals("achievement " + ID + " is WITHDRAWN and cannot be published", problem.detail());
        assertEquals(Map.of("status", "WITHDRAWN"), problem.context());
    }

    @Test
    void invalidFieldsAreInTheBodyInvalidParametersInTheQuery() {
        Problem field = Problems.invalidField("contact.email", "Email", "must be an e-mail address").problem();
        assertEquals(400, field.status());
        assertEquals("contact.email: must be an e-mail address", field.detail());
        assertEquals(List.of(new Problem.Violation("contact.email", "body", "Email", "must be an e-mail address")),
                field.violations());

        Problem query = Problems.invalidQuery("size", "Range", "must be between 1 and 100").problem();
        assertEquals(URI.create("https://techbridge.io/problems/validation"), query.type());
        assertEquals("query", query.violations().getFirst().in());

        Problem path = Problems.invalidPath("id", "no-nul", Problems.NUL_CHARACTER).problem();
        assertEquals(400, path.status());
        assertEquals(List.of(new Problem.Violation("id", "path", "no-nul", Problems.NUL_CHARACTER)), path.violations());
    }

    @Test
    void authenticationAndRights() {
        assertEquals(401, Problems.unauthenticated("log in").problem().status());
        assertEquals(URI.create("https://techbridge.io/problems/unauthenticated"),
                Problems.unauthenticated("log in").problem().type());
        Problem forbidden = Problems.forbidden("not your organisation").problem();
        assertEquals(403, forbidden.status());
        assertEquals("not your organisation", forbidden.detail());
    }

    @Test
    void withersReplaceOnlyTheirMember() {
        Problem base = Problems.versionConflict("demand", ID, 1, 2).problem();
        Problem located = base.withInstance("/api/demands/" + ID);
        assertNull(base.instance());
        assertEquals("/api/demands/" + ID, located.instance());
        assertEquals(base.context(), located.context());
        assertEquals(base.detail(), located.detail());
        Problem annotated = located.withContext(Map.of("rows", 3));
        assertEquals(Map.of("rows", 3), annotated.context());
        assertEquals(located.instance(), annotated.instance());
    }
}
