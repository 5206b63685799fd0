package io.techbridge.commons.problem;

import io.techbridge.commons.web.TextCharacters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every error a client can cause into an {@code application/problem+json} answer that names the field and the rule. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Jackson's words for a member given twice (see web.StrictJson). */
    private static final java.util.regex.Pattern DUPLICATE_MEMBER = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return e.problem().withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(ProblemMappers::violation)
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::rule))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return Problem.of(Status.BAD_REQUEST, "validation", "Invalid request", detail)
                .withViolations(violations).withInstance(uri.getPath()).toResponse();
    }

    /** Declared for this exact type because the JSON provider brings its own mapper for it. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        java.util.regex.Matcher duplicate = DUPLICATE_MEMBER.matcher(String.valueOf(e.getOriginalMessage()));
        if (duplicate.find()) {
            return invalidBody(uri, duplicate.group(1), "unique-member", "is given more than once");
        }
        if (e instanceof JsonMappingException text && TextCharacters.byMessage(text.getOriginalMessage()) != null) {
            TextCharacters.Refusal refusal = TextCharacters.byMessage(text.getOriginalMessage());
            return invalidBody(uri, text.getPath().isEmpty() ? "body" : path(text), refusal.rule(), refusal.message());
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return invalidBody(uri, field, "known-field", "is not a field of this request; known fields: "
                    + unknown.getKnownPropertyIds());
        }
        if (e instanceof InvalidFormatException format) {
            String allowed = format.getTargetType() != null && format.getTargetType().isEnum()
                    ? "; allowed: " + Arrays.toString(format.getTargetType().getEnumConstants())
                    : "";
            return invalidBody(uri, path(format), "type", "'" + format.getValue() + "' is not a valid "
                    + simpleType(format.getTargetType()) + allowed);
        }
        if (e instanceof MismatchedInputException mismatch) {
            return invalidBody(uri, path(mismatch), "type", "must be a " + simpleType(mismatch.getTargetType()));
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalidBody(uri, path(mapping), "type", rootMessage(mapping));
        }
        return Problem.of(Status.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "the request body is not valid JSON: " + e.getOriginalMessage()).withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return Problem.of(Status.CONFLICT, "version-conflict", "Version conflict",
                "the record was changed concurrently; reload it and apply your change again")
                .withInstance(uri.getPath()).toResponse();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        Response original = e.getResponse();
        if (original.hasEntity() && original.getMediaType() != null
                && Problem.MEDIA_TYPE.equals(original.getMediaType().toString())) {
            return original;
        }
        Status status = Status.fromStatusCode(original.getStatus());
        int code = original.getStatus();
        String title = status != null ? status.getReasonPhrase() : "HTTP " + code;
        String slug = title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return new Problem(java.net.URI.create("https://techbridge.io/problems/" + slug), title, code,
                e.getMessage(), uri.getPath(), List.of(), java.util.Map.of()).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // Not a fault of the request or of the code: the database is restarting or out of reach.
            LOG.warnf("the database is unavailable on %s: %s", uri.getPath(), rootMessage(e));
            return databaseUnavailable().withInstance(uri.getPath()).toResponse();
        }
        LOG.errorf(e, "unexpected error on %s", uri.getPath());
        return Problem.of(Status.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the request could not be completed; nothing was changed").withInstance(uri.getPath()).toResponse();
    }

    /** Seconds a client is asked to wait before repeating a request the database could not take. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    /** 503 with Retry-After: the database could not be reached, or dropped the connection midway. */
    public static Problem databaseUnavailable() {
        return Problem.of(Status.SERVICE_UNAVAILABLE, "database-unavailable", "Database unavailable",
                "the service's database cannot be reached just now; try again shortly (if the request changed"
                        + " something, read it back first: a change cut off at its commit may have been made)")
                .withContext(java.util.Map.of(Problem.RETRY_AFTER_SECONDS, DATABASE_RETRY_AFTER_SECONDS));
    }

    /**
     * Whether an error comes from the database being away rather than from the request or the code:
     * an {@link java.sql.SQLException} among its causes with SQLSTATE class 08 (connection exception) or
     * 57P (the server shut down, crashed or is starting up), or a connection exception of JDBC's own.
     * Suppressed exceptions count too: when the connection drops at the commit itself, the transaction
     * manager throws its own RollbackException and keeps the driver's error as a suppressed one.
     */
    public static boolean databaseUnavailable(Throwable error) {
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        java.util.ArrayDeque<Throwable> pending = new java.util.ArrayDeque<>();
        pending.add(error);
        while (!pending.isEmpty()) {
            Throwable cause = pending.poll();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof java.sql.SQLTransientConnectionException
                    || cause instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (cause.getCause() != null) {
                pending.add(cause.getCause());
            }
            pending.addAll(Arrays.asList(cause.getSuppressed()));
        }
        return false;
    }

    private static Response invalidBody(UriInfo uri, String field, String rule, String message) {
        return Problem.of(Status.BAD_REQUEST, "validation", "Invalid request", field + ": " + message)
                .withViolations(List.of(new Problem.Violation(field, "body", rule, message)))
                .withInstance(uri.getPath()).toResponse();
    }

    static Problem.Violation violation(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        boolean inBody = false;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            inBody = true;
            if (node.isInIterable()) {
                Object position = node.getIndex() != null ? node.getIndex() : node.getKey();
                field.append('[').append(position).append(']');
            }
            if (kind == ElementKind.PROPERTY) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        String name = !field.isEmpty() ? field.toString() : parameter != null ? parameter : "request";
        String rule = violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName();
        return new Problem.Violation(name, inBody ? "body" : "query", rule, violation.getMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "request" : field.toString();
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "value";
        }
        if (type.isEnum()) {
            return "value";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "date (yyyy-mm-dd)";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        if (type == String.class) {
            return "string";
        }
        return "object";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
