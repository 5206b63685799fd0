package io.techbridge.commons.idempotency;

import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import java.io.ByteArrayInputStream;
import java.io.IOException;

/**
 * Hashes the raw body of a request that carries an {@code Idempotency-Key} as it is read (JSON or a
 * file given as the body alike), then hands the same bytes on. The body is bounded by the HTTP body
 * limit of the service. Other requests pass untouched.
 */
@Provider
public class RequestBodyHash implements ReaderInterceptor {

    private final IdempotentRequest request;

    public RequestBodyHash(IdempotentRequest request) {
        this.request = request;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (!request.keyed()) {
            return context.proceed();
        }
        byte[] body = context.getInputStream().readAllBytes();
        request.bodyRead(IdempotentRequest.sha256().digest(body));
        context.setInputStream(new ByteArrayInputStream(body));
        return context.proceed();
    }
}
