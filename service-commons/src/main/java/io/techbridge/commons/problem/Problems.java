package io.techbridge.commons.problem;

import jakarta.ws.rs.core.Response.Status;

import java.util.List;
import java.util.Map;

/** The problems the services raise, one factory each, so their types and titles stay consistent. */
public final class Problems {

    private Problems() {
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(Status.NOT_FOUND, "not-found", what + " not found",
                what + " " + id + " does not exist"));
    }

    /** The client edited an old version; it gets the current one to reload and retry. */
    public static ProblemException versionConflict(String what, Object id, long sentVersion, long currentVersion) {
        return new ProblemException(Problem.of(Status.CONFLICT, "version-conflict", "Version conflict",
                        what + " " + id + " was changed since version " + sentVersion
                                + "; reload version " + currentVersion + " and apply your change again")
                .withContext(Map.of("currentVersion", currentVersion, "sentVersion", sentVersion)));
    }

    public static ProblemException illegalState(String what, Object id, String currentStatus, String action) {
        return new ProblemException(Problem.of(Status.CONFLICT, "illegal-state", "Not allowed in this state",
                        what + " " + id + " is " + currentStatus + " and cannot be " + action)
                .withContext(Map.of("status", currentStatus)));
    }

    public static ProblemException invalidField(String field, String rule, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid request",
                        field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, "body", rule, message))));
    }

    /** Why a text holding U+0000 is refused: it can't be stored as text and is never meant. */
    public static final String NUL_CHARACTER = "must not contain the NUL character (U+0000)";

    public static ProblemException invalidQuery(String parameter, String rule, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid request",
                        parameter + ": " + message)
                .withViolations(List.of(new Problem.Violation(parameter, "query", rule, message))));
    }

    /** A path parameter the resource cannot take (a query parameter: {@link #invalidQuery}). */
    public static ProblemException invalidPath(String parameter, String rule, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid request",
                        parameter + ": " + message)
                .withViolations(List.of(new Problem.Violation(parameter, "path", rule, message))));
    }

    /** No valid token: the caller must log in (401, with a Bearer challenge). */
    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(Problem.of(Status.UNAUTHORIZED, "unauthenticated", "Login required", detail));
    }

    /** A valid caller without the right: wrong role, or a record of another organisation. */
    public static ProblemException forbidden(String detail) {
        return new ProblemException(Problem.of(Status.FORBIDDEN, "forbidden", "Not allowed", detail));
    }
}
