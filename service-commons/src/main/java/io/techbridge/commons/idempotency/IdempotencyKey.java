package io.techbridge.commons.idempotency;

import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.problem.ProblemException;
import jakarta.ws.rs.core.Response.Status;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header: 1 to {@value #MAX_LENGTH} characters of
 * {@code A-Z a-z 0-9 - _ . : ~ + / =} (a UUID, a base64 or base64url string, a client's own
 * request id), sent once. A value in double quotes, as the IETF draft
 * (draft-ietf-httpapi-idempotency-key-header) writes it, is the same key as without them.
 */
public final class IdempotencyKey {

    public static final String HEADER = "Idempotency-Key";
    /** Set to {@code true} on an answer that repeats a stored first answer. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final int MAX_LENGTH = 128;
    public static final String PATTERN = "^[A-Za-z0-9._:~+/=-]{1," + MAX_LENGTH + "}$";
    /** What the header means, for the API description of every idempotent operation. */
    public static final String DESCRIPTION = "Makes the request safe to repeat (after a timeout or a broken connection). "
            + "A repeat by the same caller (the token's user and organisation) with the same key and the same request "
            + "(body and query) answers the first answer again - status, body and Location, with the header "
            + REPLAYED_HEADER + ": true - without doing the work twice. The same key with another request: 422 "
            + "idempotency-key-reused; while the first request with the key is still being worked on: 409 "
            + "idempotency-key-in-progress (retry shortly). Only a successful (2xx) answer is kept, for at least "
            + "24 hours: after a refusal (4xx) or an error the same key may be sent again. 1 to " + MAX_LENGTH
            + " characters of A-Z a-z 0-9 - _ . : ~ + / =, e.g. a UUID; without the header the request works as usual.";

    private static final Pattern ALLOWED = Pattern.compile(PATTERN);

    private IdempotencyKey() {
    }

    /** The key the request carries, none without the header, or a 400 problem naming the header. */
    public static Optional<String> parse(List<String> values) {
        if (values == null || values.isEmpty()) {
            return Optional.empty();
        }
        if (values.size() > 1) {
            throw invalid("sent-once", "must be sent once; it was sent " + values.size() + " times");
        }
        String value = values.get(0) == null ? "" : values.get(0).strip();
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            value = value.substring(1, value.length() - 1);
        }
        if (value.isEmpty()) {
            throw invalid("NotBlank", "must not be empty; send 1 to " + MAX_LENGTH + " characters, e.g. a UUID");
        }
        if (value.length() > MAX_LENGTH) {
            throw invalid("Size", "is " + value.length() + " characters long; at most " + MAX_LENGTH + " are allowed");
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw invalid("Pattern", "may only contain A-Z a-z 0-9 - _ . : ~ + / =");
        }
        return Optional.of(value);
    }

    private static ProblemException invalid(String rule, String message) {
        return new ProblemException(Problem.of(Status.BAD_REQUEST, "validation", "Invalid request", HEADER + ": " + message)
                .withViolations(List.of(new Problem.Violation(HEADER, "header", rule, message))));
    }
}
