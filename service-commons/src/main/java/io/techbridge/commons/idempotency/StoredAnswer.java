package io.techbridge.commons.idempotency;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The first answer to a request with a key, as it is replayed: the status, the headers that
 * matter ({@code Content-Type}, {@code Location}) and the body, byte for byte.
 */
public record StoredAnswer(int status, String contentType, String location, byte[] body) {

    /** The answer; a replay carries {@code Idempotent-Replayed: true}. */
    public Response.ResponseBuilder toResponse(boolean replayed) {
        Response.ResponseBuilder response = Response.status(status);
        if (body.length > 0) {
            response.entity(body);
        }
        if (contentType != null) {
            response.header(HttpHeaders.CONTENT_TYPE, contentType);
        }
        if (location != null) {
            response.header(HttpHeaders.LOCATION, location);
        }
        if (replayed) {
            response.header(IdempotencyKey.REPLAYED_HEADER, "true");
        }
        return response;
    }
}
