package io.techbridge.listing.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * An upload of a file beyond the import limit, sent as a client streams it: REST Assured copies a
 * body of many megabytes several times over, which made this one request the slowest of the suites.
 */
public final class LargeUploads {

    private LargeUploads() {
    }

    /** The import limit of both listing services (techbridge.import.max-file-bytes). */
    public static final int LIMIT_BYTES = 20 * 1024 * 1024;

    /**
     * Uploads a CSV one byte over the limit to {@code path} of the service on {@code port}, as the
     * owner of {@code token}, and checks the answer: 413 problem+json naming the limit.
     */
    public static void assertRefusedAsTooLarge(int port, String path, String token, String fileName)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://localhost:" + port + path + "?duplicates=confirmed&fileName="
                + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8));
        Answer answer = post(uri, token, "text/csv", LIMIT_BYTES + 1, (byte) 'a');
        org.junit.jupiter.api.Assertions.assertEquals(413, answer.status(), answer.body());
        org.junit.jupiter.api.Assertions.assertEquals("application/problem+json", answer.contentType());
        org.junit.jupiter.api.Assertions.assertTrue(answer.body().contains("larger than " + LIMIT_BYTES + " bytes"),
                answer.body());
    }

    /** The answer to a POST of {@code bytes} bytes of {@code fill}, as status, Content-Type and body. */
    public static Answer post(URI uri, String token, String contentType, int bytes, byte fill) throws IOException, InterruptedException {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, fill);
        HttpRequest request = HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + token).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.fromPublisher(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new Repeated(chunk, bytes)), bytes))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        }
    }

    public record Answer(int status, String contentType, String body) {
    }

    /** {@code length} bytes of one repeated chunk, never held in memory at once. */
    private static final class Repeated extends java.io.InputStream {
        private final byte[] chunk;
        private long left;

        Repeated(byte[] chunk, long length) {
            this.chunk = chunk;
            this.left = length;
        }

        @Override
        public int read() {
            if (left <= 0) {
                return -1;
            }
            left--;
            return chunk[0];
        }

        @Override
        public int read(byte[] into, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(Math.min(length, chunk.length), left);
            System.arraycopy(chunk, 0, into, offset, n);
            left -= n;
            return n;
        }
    }
}
