package io.techbridge.commons.idempotency;

import io.techbridge.commons.problem.ProblemException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class IdempotencyKeyTest {

    @Test
    void noHeaderIsNoKey() {
        assertEquals(Optional.empty(), IdempotencyKey.parse(null));
        assertEquals(Optional.empty(), IdempotencyKey.parse(List.of()));
    }

    @Test
    void uuidsBase64AndClientIdsAreKeys() {
        for (String key : List.of("8e03978e-40d5-43e8-bc93-6894a57f9324", "dGVzdA==", "a+b/c_d~e.f:g", "x".repeat(128))) {
            assertEquals(Optional.of(key), IdempotencyKey.parse(List.of(key)));
        }
    }

    @Test
    void theQuotedFormOfTheDraftIsTheSameKey() {
        assertEquals(Optional.of("8e03978e"), IdempotencyKey.parse(List.of("\"8e03978e\"")));
        assertEquals(Optional.of("8e03978e"), IdempotencyKey.parse(List.of(" 8e03978e ")));
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        for (String key : List.of("", "\"\"", "two words", "a,b", "x".repeat(129), "ключ", "a\"b")) {
            ProblemException refused = assertThrows(ProblemException.class, () -> IdempotencyKey.parse(List.of(key)), key);
            assertEquals(400, refused.problem().status());
            assertEquals("Idempotency-Key", refused.problem().violations().get(0).field());
            assertEquals("header", refused.problem().violations().get(0).in());
        }
    }

    @Test
    void aKeySentTwiceIsRefused() {
        ProblemException refused = assertThrows(ProblemException.class, () -> IdempotencyKey.parse(List.of("a", "a")));
        assertEquals("sent-once", refused.problem().violations().get(0).rule());
    }
}
