package io.techbridge.listing.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An upload of a file beyond the import limit, sent by the JDK's client: REST Assured copies a body
 * of many megabytes several times over, which made this one request the slowest of the suites.
 */
public final class LargeUploads {

    /** The import limit of both listing services (techbridge.import.max-file-bytes). */
    public static final int LIMIT_BYTES = 20 * 1024 * 1024;

    private LargeUploads() {
    }

    /**
     * Uploads a CSV one byte over the limit to {@code path} of the service on {@code port}, as the
     * owner of {@code token}, and checks the answer: 413 problem+json naming the limit.
     */
    public static void assertRefusedAsTooLarge(int port, String path, String token, String fileName)
            throws IOException, InterruptedException {
        byte[] file = new byte[LIMIT_BYTES + 1];
        Arrays.fill(file, (byte) 'a');
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path
                        + "?duplicates=confirmed&fileName=" + java.net.URLEncoder.encode(fileName, StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofByteArray(file))
                .build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(413, answer.statusCode(), answer.body());
            assertEquals("application/problem+json", answer.headers().firstValue("Content-Type").orElse(""));
            assertTrue(answer.body().contains("larger than " + LIMIT_BYTES + " bytes"), answer.body());
        }
    }
}
