package io.techbridge.commons.idempotency;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** What makes two requests with one key the same request, and one key another caller's. */
class IdempotentRequestTest {

    @Test
    void theSameQueryBodyAndMediaTypeAreTheSameRequestWhateverTheOrderOfTheParameters() {
        Map<String, List<String>> query = new LinkedHashMap<>();
        query.put("duplicates", List.of("confirmed"));
        query.put("fileName", List.of("登记表"));
        Map<String, List<String>> reordered = new LinkedHashMap<>();
        reordered.put("fileName", List.of("登记表"));
        reordered.put("duplicates", List.of("confirmed"));

        assertArrayEquals(fingerprint(query, "text/csv", "a,b"), fingerprint(reordered, "text/csv", "a,b"));
    }

    @Test
    void anotherBodyQueryOrMediaTypeIsAnotherRequest() {
        Map<String, List<String>> query = Map.of("duplicates", List.of("confirmed"));
        byte[] request = fingerprint(query, "application/json", "{\"a\":1}");

        assertFalse(Arrays.equals(request, fingerprint(query, "application/json", "{\"a\": 1}")));
        assertFalse(Arrays.equals(request, fingerprint(Map.of(), "application/json", "{\"a\":1}")));
        assertFalse(Arrays.equals(request, fingerprint(Map.of("duplicates", List.of("")), "application/json", "{\"a\":1}")));
        assertFalse(Arrays.equals(request, fingerprint(query, "text/csv", "{\"a\":1}")));
        // The parts are length-prefixed: moving a character from one to the next changes the hash.
        assertFalse(Arrays.equals(fingerprint(Map.of("ab", List.of("c")), "", ""),
                fingerprint(Map.of("a", List.of("bc")), "", "")));
    }

    @Test
    void aKeyIsTheCallersOwnOnOneMethodAndPath() {
        IdempotencyStore.CallerScope caller = new IdempotencyStore.CallerScope("user-1", "org-a");
        byte[] scope = IdempotencyStore.scopeOf(caller, "POST", "/api/demands", "k");

        assertArrayEquals(scope, IdempotencyStore.scopeOf(new IdempotencyStore.CallerScope("user-1", "org-a"), "POST",
                "/api/demands", "k"));
        assertFalse(Arrays.equals(scope, IdempotencyStore.scopeOf(
                new IdempotencyStore.CallerScope("user-2", "org-a"), "POST", "/api/demands", "k")));
        assertFalse(Arrays.equals(scope, IdempotencyStore.scopeOf(
                new IdempotencyStore.CallerScope("user-1", "org-b"), "POST", "/api/demands", "k")));
        assertFalse(Arrays.equals(scope, IdempotencyStore.scopeOf(caller, "POST", "/api/demands/imports", "k")));
        assertFalse(Arrays.equals(scope, IdempotencyStore.scopeOf(caller, "POST", "/api/demands", "K")));
        assertEquals(32, scope.length);
    }

    @Test
    void aBodyWithASecretIsComparedByASlowSaltedHash() {
        byte[] request = fingerprint(Map.of(), "application/json", "{\"password\":\"correct horse\"}");
        byte[] scope = IdempotencyStore.scopeOf(new IdempotencyStore.CallerScope("admin", "org-operator"), "POST",
                "/api/admin/users", "k");
        byte[] stretched = IdempotentRequest.stretched(request, scope);

        assertArrayEquals(stretched, IdempotentRequest.stretched(request, scope));
        assertEquals(32, stretched.length);
        assertFalse(Arrays.equals(request, stretched));
        assertFalse(Arrays.equals(stretched, IdempotentRequest.stretched(request, IdempotencyStore.scopeOf(
                new IdempotencyStore.CallerScope("admin", "org-operator"), "POST", "/api/admin/users", "k2"))));
        assertFalse(Arrays.equals(stretched, IdempotentRequest.stretched(
                fingerprint(Map.of(), "application/json", "{\"password\":\"correct horse!\"}"), scope)));
    }

    private static byte[] fingerprint(Map<String, List<String>> query, String contentType, String body) {
        IdempotentRequest request = new IdempotentRequest();
        request.start("k", "POST", "/api/x", query, contentType);
        assertTrue(request.keyed());
        request.bodyRead(IdempotentRequest.sha256().digest(body.getBytes(StandardCharsets.UTF_8)));
        return request.fingerprint();
    }
}
