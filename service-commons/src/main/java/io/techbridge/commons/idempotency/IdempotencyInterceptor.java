package io.techbridge.commons.idempotency;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.techbridge.commons.idempotency.IdempotencyStore.CallerScope;
import io.techbridge.commons.problem.Problem;
import io.techbridge.commons.security.TokenClaims;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.lang.reflect.Method;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs an {@link Idempotent} resource method that was sent an {@code Idempotency-Key}, in one
 * transaction with the key's record:
 * <ol>
 * <li>the key's advisory lock is taken ({@code pg_try_advisory_xact_lock}); held by another
 * request: 409 {@code idempotency-key-in-progress} with {@code Retry-After};</li>
 * <li>a stored first answer for the key: replayed if the request is the same (query, media type,
 * raw body), else 422 {@code idempotency-key-reused}; nothing runs;</li>
 * <li>otherwise the method runs in this transaction (its {@code @Transactional} services join it);
 * a 2xx answer is stored with its status, {@code Content-Type}, {@code Location} and body, and
 * the change, its events in the outbox and the key commit together or not at all.</li>
 * </ol>
 * A refusal (any other status, or an exception) stores nothing: the key may be sent again. Requests
 * without the header, and anonymous ones (the method refuses those), run as they always did.
 * The key is the caller's: the token's subject and organisation, with method and path.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 100)
public class IdempotencyInterceptor {

    private static final Logger LOG = Logger.getLogger(IdempotencyInterceptor.class);
    /** Headers the stored answer carries itself. */
    private static final Set<String> STORED_HEADERS = Set.of(HttpHeaders.CONTENT_TYPE.toLowerCase(),
            HttpHeaders.LOCATION.toLowerCase(), HttpHeaders.CONTENT_LENGTH.toLowerCase());

    @Inject
    IdempotentRequest request;
    @Inject
    IdempotencyStore store;
    @Inject
    IdempotencyConfig config;
    @Inject
    SecurityIdentity identity;
    @Inject
    ObjectMapper mapper;
    @Inject
    EntityManager entityManager;

    @AroundInvoke
    Object around(InvocationContext invocation) throws Exception {
        if (invocation.getMethod().getReturnType() != Response.class) {
            throw new IllegalStateException("@Idempotent " + invocation.getMethod()
                    + " must return a jakarta.ws.rs.core.Response, so that a stored answer can be replayed");
        }
        if (!request.keyed()) {
            return invocation.proceed();
        }
        Optional<CallerScope> caller = caller();
        if (caller.isEmpty()) {
            return invocation.proceed();
        }
        byte[] scope = IdempotencyStore.scopeOf(caller.get(), request.method(), request.path(), request.key());
        Idempotent marker = invocation.getMethod().getAnnotation(Idempotent.class);
        byte[] fingerprint = marker != null && marker.secretBody()
                ? IdempotentRequest.stretched(request.fingerprint(), scope) : request.fingerprint();
        try {
            return QuarkusTransaction.joiningExisting().call(() -> {
                if (!store.tryLock(scope)) {
                    return inProgress();
                }
                Instant now = Instant.now();
                Optional<IdempotencyStore.Entry> stored = store.find(scope, now);
                if (stored.isPresent()) {
                    if (!MessageDigest.isEqual(stored.get().requestHash(), fingerprint)) {
                        return reused(stored.get().createdAt());
                    }
                    LOG.debugf("replaying the answer to %s %s with Idempotency-Key %s", request.method(), request.path(),
                            request.key());
                    return stored.get().answer().toResponse(true).build();
                }
                Response answer = (Response) proceed(invocation);
                if (answer == null || answer.getStatusInfo().getFamily() != Response.Status.Family.SUCCESSFUL) {
                    return answer;
                }
                // What the change still holds back fails here, as it would have without a key, not at the commit.
                entityManager.flush();
                StoredAnswer first = stored(answer, invocation.getMethod());
                store.save(scope, caller.get(), request.method(), request.path(), request.key(), fingerprint, first, now,
                        now.plus(config.retention()));
                Response.ResponseBuilder response = first.toResponse(false);
                answer.getHeaders().forEach((name, values) -> {
                    if (!STORED_HEADERS.contains(name.toLowerCase())) {
                        values.forEach(value -> response.header(name, value));
                    }
                });
                return response.build();
            });
        } catch (CheckedFailure failure) {
            throw failure.cause;
        }
    }

    /** The caller of a request with a valid token; none for an anonymous one. */
    private Optional<CallerScope> caller() {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken token) || token.getRawToken() == null) {
            return Optional.empty();
        }
        String subject = token.getSubject() != null ? token.getSubject() : token.getName();
        Object organisation = token.getClaim(TokenClaims.ORGANISATION);
        return Optional.of(new CallerScope(subject == null ? "" : subject, organisation == null ? "" : organisation.toString()));
    }

    /** The answer as it is kept: the entity serialised as the client gets it. */
    private StoredAnswer stored(Response answer, Method method) {
        MediaType type = answer.getMediaType() != null ? answer.getMediaType() : produced(method);
        Object entity = answer.getEntity();
        byte[] body;
        try {
            body = entity == null ? new byte[0]
                    : entity instanceof byte[] bytes ? bytes
                    : entity instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : mapper.writeValueAsBytes(entity);
        } catch (Exception e) {
            throw new IllegalStateException("the answer of " + method + " cannot be stored for replay", e);
        }
        Object location = answer.getHeaders().getFirst(HttpHeaders.LOCATION);
        return new StoredAnswer(answer.getStatus(), entity == null ? null : type.toString(),
                location instanceof URI uri ? uri.toString() : location == null ? null : location.toString(), body);
    }

    private static MediaType produced(Method method) {
        Produces produces = method.isAnnotationPresent(Produces.class) ? method.getAnnotation(Produces.class)
                : method.getDeclaringClass().getAnnotation(Produces.class);
        return produces == null || produces.value().length == 0 ? MediaType.APPLICATION_JSON_TYPE
                : MediaType.valueOf(produces.value()[0].split(",")[0].strip());
    }

    private Response inProgress() {
        Problem problem = Problem.of(Response.Status.CONFLICT, "idempotency-key-in-progress", "Request in progress",
                        "a request with " + IdempotencyKey.HEADER + " '" + request.key()
                                + "' is being worked on; repeat this one once that one is answered")
                .withViolations(List.of(new Problem.Violation(IdempotencyKey.HEADER, "header", "in-progress",
                        "a request with this key is in progress")))
                .withInstance(request.path());
        return Response.fromResponse(problem.toResponse()).header(HttpHeaders.RETRY_AFTER, "1").build();
    }

    private Response reused(Instant firstUsedAt) {
        String message = "was first sent at " + firstUsedAt + " with another request (a different body or query); "
                + "a new request needs a new key";
        return new Problem(URI.create("https://techbridge.io/problems/idempotency-key-reused"), "Idempotency key reused",
                422, IdempotencyKey.HEADER + " '" + request.key() + "' " + message, request.path(),
                List.of(new Problem.Violation(IdempotencyKey.HEADER, "header", "same-request", message)),
                Map.of("firstUsedAt", firstUsedAt.toString())).toResponse();
    }

    private static Object proceed(InvocationContext invocation) {
        try {
            return invocation.proceed();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new CheckedFailure(e);
        }
    }

    /** A checked exception of the method, carried through the transaction and thrown as it was. */
    private static final class CheckedFailure extends RuntimeException {
        private final Exception cause;

        CheckedFailure(Exception cause) {
            super(cause);
            this.cause = cause;
        }
    }
}
