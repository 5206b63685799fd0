package io.techbridge.matching.matching;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Why a factor has its value, as data: a code and its parameters, e.g. {@code {"code": "TRL_BELOW",
 * "have": 4, "wanted": 6}}. Clients render it in the reader's language; the codes are listed in
 * matching-service/README.md.
 */
public record Reason(String code, Map<String, Object> params) {

    public Reason {
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static Reason of(String code) {
        return new Reason(code, Map.of());
    }

    public static Reason of(String code, String k1, Object v1) {
        return new Reason(code, ordered(k1, v1));
    }

    public static Reason of(String code, String k1, Object v1, String k2, Object v2) {
        return new Reason(code, ordered(k1, v1, k2, v2));
    }

    public static Reason of(String code, String k1, Object v1, String k2, Object v2, String k3, Object v3) {
        return new Reason(code, ordered(k1, v1, k2, v2, k3, v3));
    }

    /** The wire form: the code and the parameters side by side in one object. */
    @JsonValue
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("code", code);
        params.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> json.put(e.getKey(), e.getValue()));
        return json;
    }

    @JsonCreator
    static Reason fromJson(Map<String, Object> json) {
        Map<String, Object> params = new LinkedHashMap<>(json);
        Object code = params.remove("code");
        return new Reason(code == null ? "UNKNOWN" : code.toString(), params);
    }

    /** Explanations stored before reasons were codes carried a sentence. */
    @JsonCreator
    static Reason fromText(String text) {
        return new Reason("TEXT", Map.of("text", text));
    }

    private static Map<String, Object> ordered(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                map.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return map;
    }
}
