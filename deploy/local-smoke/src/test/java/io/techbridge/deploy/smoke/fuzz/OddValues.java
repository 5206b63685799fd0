package io.techbridge.deploy.smoke.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** What a careless or hostile client sends instead of a value: the catalogues the planner draws from. */
final class OddValues {

    private OddValues() {
    }

    /** Text that is legal Java (and so can be percent-encoded as UTF-8 or written as JSON) but odd. */
    static final List<String> TEXT = List.of(
            "", " ", "   ", "\t", "\r\n", "\n\n\n",
            "\u0000", "a\u0000b", "\u0001\u0002\u0003\u0008\u000b\u000c\u000e\u001f", "\u007f", "\u0085",
            "\u2028\u2029", "\u202e\u202d evil \u202c", "abc\u202egnp.exe", "\u2066\u2067\u2068\u2069",
            "\u200b\u200c\u200d\ufeff", "\ufffe\uffff", "\ufffd", "\u00ad",
            "😀👍🏽👨‍👩‍👧‍👦", "Z" + "\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308".repeat(20),
            "ＡＢＣ１２３", "石墨烯", "مرحبا بالعالم", "नमस्ते", "İı", "ß", "ﬃ",
            "' OR '1'='1", "\"; DROP TABLE achievement; --", "%", "%%", "_", "\\", "\\\\", "*", "?",
            "${jndi:ldap://example.invalid/a}", "{{7*7}}", "<script>alert(1)</script>", "../../etc/passwd",
            "%s%s%n", "null", "undefined", "NaN", "-0", "1e309", "0x1F", "true", "[]", "{}",
            "a AND (b", "*:*", "title:/.*/", "a~", "\"unterminated", "(((", "a^99999", "a:b:c", "[* TO *]",
            "+-&&||!(){}[]^\"~*?:\\/", "9999999999999999999999", "-1", "2147483648",
            "a".repeat(1000), "石".repeat(300), "\u0000".repeat(50), "\u202e".repeat(200));

    /** Query values already percent-encoded: bytes that are not UTF-8, or text that needs no encoding. */
    static final List<String> ENCODED = List.of(
            "%ED%A0%80", "%ED%B0%80x", "%FF%FE", "%C0%AF", "%C0%80", "%E2%80%AE", "%00", "%0D%0A", "%25",
            "%26", "%3D", "a%20b", "%F4%90%80%80", "%F0%9F%98", "%E0%80%80", "%2e%2e%2f", "%252e");

    /** JSON values as raw text: what no serializer would write, or what overflows a field. */
    static final List<String> RAW_JSON_VALUES = List.of(
            "\"\\ud800\"", "\"x\\udc00y\"", "\"\\udc00\\ud800\"", "\"a\\u0000b\"", "\"\\u202e\\u202d\"",
            "\"\\uffff\\ufffe\"", "\"\\u0001\\u001f\"", "\"\\/\\b\\f\\n\\r\\t\"",
            "1e400", "-1e400", "9223372036854775808", "-9223372036854775809", "18446744073709551616",
            "2147483648", "-2147483649", "1.0", "1.5", "-0", "0.0000001", "1e-400", "1" + "0".repeat(1200),
            "NaN", "Infinity", "-Infinity", "0x10", "01", "+1", ".5", "1.", "true", "false", "null", "[]", "{}",
            "[null]", "[[]]", "{\"\":null}", "\"\"", "\" \"");

    /** Whole request bodies that are not JSON, or not one JSON value. */
    static final List<String> MALFORMED_JSON = List.of(
            "", " ", "{", "}", "[", "]", "{\"a\":}", "{\"a\"}", "{\"a\":1,}", "{,}", "{'a':1}", "{a:1}",
            "nul", "tru", "\"unterminated", "{\"a\":\"b}", "{\"a\":1}{\"b\":2}", "{\"a\":1} trailing",
            "/* comment */ {}", "// comment\n{}", "{\"a\":NaN}", "{\"a\":Infinity}", "{\"a\":01}", "{\"a\":0x10}",
            "{\"a\":\"\\x41\"}", "{\"a\":\"\\u12\"}", "{\"a\":\"\\q\"}", "{\"a\":\"line\nbreak\"}",
            "{\"a\":\"tab\there\"}", "\"just a string\"", "123", "null", "true", "[]", "[{}]", "{}",
            "\u0000", "{\"\u0000\":1}", "{\"a\":1,\"a\":2}", "{\"a\":[1,2}", "{\"a\":{\"b\":1}",
            "[".repeat(3000), "{\"a\":".repeat(3000));

    /** Bodies for a spreadsheet import: broken CSV, broken .xlsx, binary noise. */
    static final List<byte[]> SPREADSHEETS = List.of(
            bytes(""), bytes("\n"), bytes("title"), bytes("a,b,c\n1,2,3\n"),
            bytes("\ufefftitle,summary\n\"unterminated,x\n"), bytes("\"a\"\"b\",\"c\n"),
            bytes("title;summary\n石墨烯;" + "x".repeat(100_000) + "\n"),
            bytes("title,summary\n\u0000,\u0001\u202e\n"), bytes("title," + "col,".repeat(5000) + "\n"),
            bytes("title,summary\n" + "a,b\n".repeat(20_000)),
            new byte[]{'P', 'K', 3, 4, 20, 0, 0, 0, 8, 0}, new byte[]{'P', 'K', 5, 6, 0, 0, 0, 0},
            new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1},
            new byte[]{(byte) 0xFF, (byte) 0xFE, 0, 0, (byte) 0xC3, 0x28}, new byte[]{(byte) 0xB1, (byte) 0xEA, (byte) 0xCC, (byte) 0xE2});

    /** Bytes that are not UTF-8, spliced into an otherwise fine JSON body. */
    static final List<byte[]> BAD_UTF8 = List.of(
            new byte[]{(byte) 0xC3, 0x28}, new byte[]{(byte) 0xFF}, new byte[]{(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[]{(byte) 0xC0, (byte) 0xAF}, new byte[]{(byte) 0xF0, (byte) 0x9F, (byte) 0x98},
            new byte[]{(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80});

    /** Path segments where an id belongs, before encoding. */
    static final List<String> PATH_SEGMENTS = List.of(
            "abc", "0", "-1", "null", "undefined", "00000000-0000-0000-0000-000000000000",
            "ffffffff-ffff-ffff-ffff-ffffffffffff", "6ba7b810-9dad-11d1-80b4-00c04fd430c8x", "6ba7b8109dad11d180b400c04fd430c8",
            "{6ba7b810-9dad-11d1-80b4-00c04fd430c8}", "6BA7B810-9DAD-11D1-80B4-00C04FD430C8", "\u0000", "..", ".",
            "a/b", "' OR 1=1--", "<script>", "\u202e", "😀", "石墨烯", " ", "a b", "\r\n", "~", "?x=1", "#frag", ";x=1",
            "%", "a".repeat(600), "石".repeat(200), "*", "_all", "_doc", "-", "\\");

    static final List<String> ENCODED_PATH_SEGMENTS = List.of(
            "%ED%A0%80", "%FF", "%C0%AF", "%2e%2e", "%2F", "%5C", "%00", "%252F", "%E2%80%AE");

    static final List<String> PAGES = List.of("2147483647", "2147483648", "-1", "-2147483648", "99999999999999999999",
            "0", "1e3", "0x10", " 1", "1.5", "", "+1", "١", "NaN", "500001", "100000");
    static final List<String> SIZES = List.of("-1", "0", "100000", "101", "2147483647", "-2147483648", "1e2", "abc",
            "100", "1", " 20 ", "9999999999", "");

    static String huge(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "a".repeat(100_000);
            case 1 -> "石".repeat(100_000);
            case 2 -> "😀".repeat(50_000);
            default -> "\u202e\u0001 ".repeat(40_000);
        };
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
