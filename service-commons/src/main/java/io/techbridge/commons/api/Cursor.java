package io.techbridge.commons.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.techbridge.commons.problem.ProblemException;
import io.techbridge.commons.problem.Problems;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/**
 * Where a walk through a list goes on: the sort key of the last item a page showed (its ORDER BY
 * values, the id last). On the wire it is opaque, {@code base64url(JSON array of the values)} then
 * {@code .} and {@code base64url} of a check over the list's name and the values, so a cursor
 * edited by hand, cut short or made for another list is a 400 naming {@code cursor}, never a 500.
 * The check is no secret: a cursor only says where to go on, the filters and the caller's rights
 * still decide what is listed.
 */
public record Cursor(String list, List<String> key) {

    public static final String PARAMETER = "cursor";
    /** Far above any key of the platform's lists; a longer value is refused before it is decoded. */
    static final int MAX_LENGTH = 1_000;
    private static final int CHECK_BYTES = 9;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public Cursor {
        key = List.copyOf(key);
    }

    /** The cursor of the item whose sort key is {@code key}, for the list named {@code list}. */
    public static String encode(String list, List<?> key) {
        List<String> values = key.stream().map(String::valueOf).toList();
        try {
            byte[] payload = JSON.writeValueAsBytes(values);
            return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(check(list, payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
    }

    /** The cursor a client sent for the list named {@code list}, whose sort key has {@code length} values. */
    public static Cursor decode(String list, String text, int length) {
        if (text.length() > MAX_LENGTH) {
            throw invalid("is longer than any cursor this list gives out");
        }
        int dot = text.indexOf('.');
        if (dot < 0) {
            throw invalid("is not a cursor this list gave out; follow the Link rel=\"next\" or nextCursor of the previous page");
        }
        List<String> values;
        try {
            byte[] payload = DECODER.decode(text.substring(0, dot));
            byte[] check = DECODER.decode(text.substring(dot + 1));
            if (!MessageDigest.isEqual(check, check(list, payload))) {
                throw invalid("was changed or belongs to another list; follow the Link rel=\"next\" or nextCursor of the previous page");
            }
            values = JSON.readValue(payload, new TypeReference<List<String>>() { });
        } catch (IllegalArgumentException | java.io.IOException e) {
            throw invalid("is not a cursor this list gave out; follow the Link rel=\"next\" or nextCursor of the previous page");
        }
        if (values == null || values.size() != length || values.contains(null)) {
            throw invalid("belongs to another ordering of this list (a search with or without q?); start again without it");
        }
        return new Cursor(list, values);
    }

    public String text(int position) {
        return key.get(position);
    }

    public Instant instant(int position) {
        try {
            return Instant.parse(key.get(position));
        } catch (DateTimeParseException e) {
            throw invalid("is not a cursor of this list");
        }
    }

    public UUID uuid(int position) {
        try {
            return UUID.fromString(key.get(position));
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor of this list");
        }
    }

    public double number(int position) {
        try {
            double value = Double.parseDouble(key.get(position));
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw invalid("is not a cursor of this list");
    }

    public long whole(int position) {
        try {
            return Long.parseLong(key.get(position));
        } catch (NumberFormatException e) {
            throw invalid("is not a cursor of this list");
        }
    }

    private static ProblemException invalid(String why) {
        return Problems.invalidQuery(PARAMETER, "Cursor", why);
    }

    private static byte[] check(String list, byte[] payload) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(("techbridge cursor of " + list + "\n").getBytes(StandardCharsets.UTF_8));
            return Arrays.copyOf(digest.digest(payload), CHECK_BYTES);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
